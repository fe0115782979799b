package io.missive.spothit.dispatch;

/** Sends one bulk call to SpotHit (SMS, or MMS when the call carries an attachment). */
public interface SendSmsPort {

    SendOutcome send(BulkSms sms);
}
