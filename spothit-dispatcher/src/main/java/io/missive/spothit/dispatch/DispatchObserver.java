package io.missive.spothit.dispatch;

import java.util.List;

/** Told what the dispatcher did, for metrics. */
public interface DispatchObserver {

    DispatchObserver NONE = new DispatchObserver() {
        @Override
        public void callFinished(BulkSms sms, ResilientSender.Attempted attempted) {
        }

        @Override
        public void settled(List<? extends StatusChange> changes) {
        }
    };

    void callFinished(BulkSms sms, ResilientSender.Attempted attempted);

    void settled(List<? extends StatusChange> changes);
}
