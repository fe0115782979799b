package io.missive.spothit;

import io.missive.events.Attachment;
import io.missive.events.MessageRequested;
import io.missive.events.Provider;
import io.missive.testkit.data.SampleEvents;
import java.util.Map;

/** Requested messages as the scheduler publishes them, for the dispatcher's tests. */
final class Requests {

    static final String TEMPLATE = "Bonjour, {PRENOM_ENFANT} a une nouvelle vidéo : {URL}";

    private Requests() {
    }

    /** An outcome (SENT, FAILED), not the IN_PROGRESS announced when a message enters a call. */
    static boolean settled(io.missive.events.StatusUpdated event) {
        return event.getStatus() != io.missive.events.Status.IN_PROGRESS;
    }

    /** A distinct French mobile number per (campaign number, index). */
    static String phone(int campaign, int index) {
        return "+336%02d%06d".formatted(campaign, index);
    }

    static MessageRequested personalised(String campaignId, String phone, int index) {
        var child = "Enfant" + index;
        var url = "https://m.example/r/" + Integer.toString(index, 36);
        return base(campaignId, phone)
                .setBody("Bonjour, " + child + " a une nouvelle vidéo : " + url)
                .setTemplate(TEMPLATE)
                .setVariables(Map.of("PRENOM_ENFANT", child, "URL", url))
                .build();
    }

    static MessageRequested plain(String campaignId, String phone, String body) {
        return base(campaignId, phone).setBody(body).setTemplate(body).build();
    }

    static MessageRequested mms(String campaignId, String phone, String body, String fileUrl) {
        return base(campaignId, phone).setBody(body).setTemplate(body)
                .setAttachment(Attachment.newBuilder().setFileName("a.jpg").setContentType("image/jpeg").setUrl(fileUrl).build())
                .build();
    }

    private static MessageRequested.Builder base(String campaignId, String phone) {
        return SampleEvents.messageRequested(Provider.SPOTHIT, campaignId, phone, "").setParentId(phone.substring(4));
    }
}
