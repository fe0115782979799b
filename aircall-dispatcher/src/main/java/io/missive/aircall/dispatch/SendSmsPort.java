package io.missive.aircall.dispatch;

/** The port to Aircall's native send: one recipient, one call. */
public interface SendSmsPort {

    SendOutcome send(String numberId, String to, String body);
}
