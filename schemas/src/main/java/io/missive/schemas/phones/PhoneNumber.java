package io.missive.schemas.phones;

/** What {@link PhoneNumbers#parse} made of a text: a number to keep (E.164), or why there is none. */
public sealed interface PhoneNumber {

    /** @param e164 {@code +} then country code and national number, e.g. {@code +33612345678} */
    record Valid(String e164) implements PhoneNumber {
    }

    /** The text is not a number any operator could have assigned. The reason never repeats the number. */
    record Rejected(Reason reason) implements PhoneNumber {

        /** A sentence for an API answer (a 422's detail) or a drop report. */
        public String message() {
            return reason.message();
        }
    }

    enum Reason {
        MISSING("no phone number was given"),
        NOT_A_PHONE_NUMBER("the phone number has characters that are not digits, one leading + or separators"),
        UNKNOWN_COUNTRY_CODE("the phone number's country code does not exist"),
        TOO_SHORT("the phone number is too short"),
        TOO_LONG("the phone number is too long"),
        WRONG_LENGTH("the phone number does not have a length its country uses"),
        NOT_ASSIGNABLE("the phone number is in no range of its country's numbering plan");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }
}
