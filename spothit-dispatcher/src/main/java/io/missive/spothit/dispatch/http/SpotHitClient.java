package io.missive.spothit.dispatch.http;

import io.missive.events.Channel;
import io.missive.schemas.attachments.AttachmentFetcher.Fetched;
import io.missive.spothit.dispatch.media.MediaUploadPort;
import io.missive.spothit.dispatch.BulkSms;
import io.missive.spothit.dispatch.SendOutcome;
import io.missive.spothit.dispatch.SendSmsPort;
import io.missive.spothit.dispatch.SpotHitErrorCodes;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * SpotHit's HTTP API: {@code POST /api/envoyer/sms} (or {@code /api/envoyer/mms} with the file's URL
 * in {@code fichier}), form-encoded, {@code smslong=1}; personalised calls use
 * {@code destinataires_type=datas} and {@code destinataires[+33…][VAR]=value}. RCS goes to
 * {@code POST /api/envoyer/rcs} ({@code rcs_type} basic or single, {@code agent_id}, the SMS
 * {@code fallback_message}, {@code custom_list_with_data[+33…][VAR]=value} or {@code custom_list[]}),
 * which answers {@code {"success":true,"campaign_id":…}} (docs/decisions/0206).
 */
public class SpotHitClient implements SendSmsPort, MediaUploadPort {

    private static final Pattern RESULT = Pattern.compile("\"resultat\"\\s*:\\s*\"?(\\d+)");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"?([^\",}\\s]+)");
    private static final Pattern ERRORS = Pattern.compile("\"erreurs\"\\s*:\\s*\"?([^\"}]*)");
    private static final Pattern SUCCESS = Pattern.compile("\"success\"\\s*:\\s*(true|false|1|0)");
    private static final Pattern CAMPAIGN_ID = Pattern.compile("\"campaign_id\"\\s*:\\s*\"?([^\",}\\s]+)");
    private static final Pattern RCS_ERROR = Pattern.compile("\"(?:erreurs|errors|error|code)\"\\s*:\\s*\\[?\\s*\"?([^\",{}\\]]*)");
    private static final Pattern UPLOADED_FILE = Pattern.compile("\"file\"\\s*:\\s*\"?([^\",}\\s]+)");
    private static final Pattern RCS_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"([^\"]*)\"");

    private final URI smsUri;
    private final URI mmsUri;
    private final URI rcsUri;
    private final URI uploadUri;
    private final String apiKey;
    private final @Nullable String sender;
    private final @Nullable String agentId;
    private final Duration callTimeout;
    private final HttpClient http;

    /**
     * @param sender  the SMS sender name ({@code expediteur}), or none for SpotHit's default
     * @param agentId the RCS agent ({@code agent_id}), required for RCS calls only
     */
    public SpotHitClient(String baseUrl, String apiKey, @Nullable String sender, @Nullable String agentId,
                         Duration connectTimeout, Duration callTimeout) {
        var base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.smsUri = URI.create(base + "/api/envoyer/sms");
        this.mmsUri = URI.create(base + "/api/envoyer/mms");
        this.rcsUri = URI.create(base + "/api/envoyer/rcs");
        this.uploadUri = URI.create(base + "/api/mms/upload");
        this.apiKey = apiKey;
        this.sender = sender == null || sender.isBlank() ? null : sender;
        this.agentId = agentId == null || agentId.isBlank() ? null : agentId;
        this.callTimeout = callTimeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
    }

    @Override
    public SendOutcome send(BulkSms sms) {
        if (sms.isRcs() && agentId == null) {
            return new SendOutcome.Refused("RCS_AGENT", "no RCS agent configured (SPOT_HIT_AGENT_ID)");
        }
        var request = HttpRequest.newBuilder(sms.isRcs() ? rcsUri : sms.isMms() ? mmsUri : smsUri)
                .timeout(callTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(sms.isRcs() ? rcsForm(sms) : form(sms)))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return sms.isRcs() ? rcsOutcome(response.statusCode(), response.body()) : outcome(response.statusCode(), response.body());
        } catch (HttpConnectTimeoutException | ConnectException notConnected) {
            return new SendOutcome.Unavailable("SPOTHIT_UNAVAILABLE: cannot connect (" + notConnected.getClass().getSimpleName() + ")");
        } catch (HttpTimeoutException timeout) {
            return new SendOutcome.Unknown("no answer within " + callTimeout);
        } catch (IOException broken) {
            return new SendOutcome.Unknown("connection broken after sending: " + broken.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new SendOutcome.Unknown("interrupted while waiting for SpotHit");
        }
    }

    /**
     * {@code POST /api/mms/upload}, multipart: {@code key} and {@code fichier} (the file). Answers
     * {@code {"success":true,"file":"<media id>"}}, or an error read as the RCS endpoint's.
     */
    @Override
    public SendOutcome upload(Fetched file) {
        var boundary = "missive-" + java.util.UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream(file.bytes().length + 512);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\n" + apiKey + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"" + file.fileName()
                + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file.bytes());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(uploadUri)
                .timeout(callTimeout)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return uploadOutcome(response.statusCode(), response.body());
        } catch (HttpConnectTimeoutException | ConnectException notConnected) {
            return new SendOutcome.Unavailable("SPOTHIT_UNAVAILABLE: cannot connect (" + notConnected.getClass().getSimpleName() + ")");
        } catch (IOException broken) {
            return new SendOutcome.Unknown("upload without an answer: " + broken.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new SendOutcome.Unknown("interrupted while uploading to SpotHit");
        }
    }

    static SendOutcome uploadOutcome(int status, String body) {
        var success = SUCCESS.matcher(body);
        if (status / 100 == 2 && success.find() && (success.group(1).equals("true") || success.group(1).equals("1"))) {
            var file = UPLOADED_FILE.matcher(body);
            return file.find() ? new SendOutcome.Accepted(file.group(1)) : new SendOutcome.Unknown("upload accepted without a file id");
        }
        // A refusal reads as the RCS endpoint's: success false, an error code and message.
        return rcsOutcome(status, body);
    }

    static SendOutcome outcome(int status, String body) {
        if (status >= 500 || status == 429) {
            return new SendOutcome.Unavailable("SPOTHIT_UNAVAILABLE: HTTP " + status);
        }
        if (status / 100 != 2) {
            return new SendOutcome.Unavailable("SPOTHIT_UNAVAILABLE: HTTP " + status);
        }
        var result = RESULT.matcher(body);
        if (!result.find()) {
            return new SendOutcome.Unknown("unreadable answer (HTTP " + status + ")");
        }
        if ("1".equals(result.group(1))) {
            var id = ID.matcher(body);
            return id.find() ? new SendOutcome.Accepted(id.group(1)) : new SendOutcome.Unknown("accepted without an id");
        }
        var errors = ERRORS.matcher(body);
        var codes = errors.find() ? errors.group(1).replace(" ", "") : "";
        if (codes.isEmpty()) {
            return new SendOutcome.Refused("UNKNOWN", "refus sans code d'erreur");
        }
        if (SpotHitErrorCodes.isTransient(codes)) {
            return new SendOutcome.Unavailable("SPOTHIT_" + codes + ": " + SpotHitErrorCodes.meaning(codes));
        }
        return new SendOutcome.Refused(codes, SpotHitErrorCodes.meaning(codes));
    }

    /** The RCS endpoint's answer: {@code success} and {@code campaign_id}, or an error code and message. */
    static SendOutcome rcsOutcome(int status, String body) {
        if (status / 100 != 2) {
            return new SendOutcome.Unavailable("SPOTHIT_UNAVAILABLE: HTTP " + status);
        }
        var success = SUCCESS.matcher(body);
        if (!success.find()) {
            return RESULT.matcher(body).find() ? outcome(status, body) : new SendOutcome.Unknown("unreadable answer (HTTP " + status + ")");
        }
        if (success.group(1).equals("true") || success.group(1).equals("1")) {
            var id = CAMPAIGN_ID.matcher(body);
            return id.find() ? new SendOutcome.Accepted(id.group(1)) : new SendOutcome.Unknown("accepted without a campaign_id");
        }
        var error = RCS_ERROR.matcher(body);
        var codes = "";
        while (codes.isEmpty() && error.find()) {
            codes = error.group(1).replace(" ", "");
        }
        var message = RCS_MESSAGE.matcher(body);
        var meaning = message.find() ? message.group(1) : codes.isEmpty() ? "refus sans code d'erreur" : SpotHitErrorCodes.meaning(codes);
        if (!codes.isEmpty() && SpotHitErrorCodes.isTransient(codes)) {
            return new SendOutcome.Unavailable("SPOTHIT_" + codes + ": " + meaning);
        }
        return new SendOutcome.Refused(codes.isEmpty() ? "RCS" : codes, meaning);
    }

    private String rcsForm(BulkSms sms) {
        var form = new StringBuilder(128 + sms.recipients().size() * 48);
        field(form, "key", apiKey);
        field(form, "rcs_type", sms.channel() == Channel.RCS_RICH ? "single" : "basic");
        field(form, "agent_id", java.util.Objects.requireNonNull(agentId));
        field(form, "fallback_message", sms.text());
        if (sms.channel() == Channel.RCS_RICH) {
            field(form, "media_id", java.util.Objects.requireNonNull(sms.mediaId(), "RCS rich without a media id"));
        } else {
            field(form, "rcs_basic_message", sms.text());
        }
        for (var recipient : sms.recipients()) {
            if (!sms.personalized() || recipient.variables().isEmpty()) {
                field(form, "custom_list[]", recipient.phone());
            } else {
                recipient.variables().forEach((name, value) ->
                        field(form, "custom_list_with_data[" + recipient.phone() + "][" + name + "]", value));
            }
        }
        return form.toString();
    }

    private String form(BulkSms sms) {
        var form = new StringBuilder(64 + sms.recipients().size() * 48);
        field(form, "key", apiKey);
        field(form, "message", sms.text());
        field(form, "smslong", "1");
        if (sender != null) {
            field(form, "expediteur", sender);
        }
        if (sms.attachmentUrl() != null) {
            // SpotHit sends an uploaded file, never a URL: the dispatcher uploads it before the call.
            field(form, "fichier", java.util.Objects.requireNonNull(sms.mediaId(), "MMS without an uploaded media id"));
        }
        if (sms.personalized()) {
            field(form, "destinataires_type", "datas");
            for (var recipient : sms.recipients()) {
                if (recipient.variables().isEmpty()) {
                    field(form, "destinataires[" + recipient.phone() + "]", "");
                }
                recipient.variables().forEach((name, value) ->
                        field(form, "destinataires[" + recipient.phone() + "][" + name + "]", value));
            }
        } else {
            field(form, "destinataires", String.join(",", sms.recipients().stream().map(BulkSms.Recipient::phone).toList()));
        }
        return form.toString();
    }

    private static void field(StringBuilder form, String name, String value) {
        if (!form.isEmpty()) {
            form.append('&');
        }
        form.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
