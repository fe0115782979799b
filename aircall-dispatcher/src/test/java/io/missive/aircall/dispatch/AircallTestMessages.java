package io.missive.aircall.dispatch;

import io.missive.events.MessageRequested;
import io.missive.events.Provider;
import io.missive.simulators.aircall.AircallSimulatorConfig;
import io.missive.testkit.data.SampleEvents;

/** Requested Aircall messages as the scheduler would publish them. */
final class AircallTestMessages {

    private AircallTestMessages() {
    }

    static MessageRequested requested(String campaignId, String phone, String body) {
        return requested(campaignId, phone, body, AircallSimulatorConfig.DEFAULT_NUMBER_ID);
    }

    static MessageRequested requested(String campaignId, String phone, String body, String numberId) {
        return SampleEvents.messageRequested(Provider.AIRCALL, campaignId, phone, body)
                .setParentId("parent-" + phone.substring(phone.length() - 4))
                .setSupporterId("9")
                .setAircallNumberId(numberId)
                .build();
    }

    /** A distinct French mobile number per index. */
    static String phone(int prefix, int index) {
        return "+336%02d%06d".formatted(prefix, index);
    }
}
