package io.missive.spothit.dispatch.http;

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
 * {@code destinataires_type=datas} and {@code destinataires[+33…][VAR]=value}.
 */
public class SpotHitClient implements SendSmsPort {

    private static final Pattern RESULT = Pattern.compile("\"resultat\"\\s*:\\s*\"?(\\d+)");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"?([^\",}\\s]+)");
    private static final Pattern ERRORS = Pattern.compile("\"erreurs\"\\s*:\\s*\"?([^\"}]*)");

    private final URI smsUri;
    private final URI mmsUri;
    private final String apiKey;
    private final @Nullable String sender;
    private final Duration callTimeout;
    private final HttpClient http;

    public SpotHitClient(String baseUrl, String apiKey, @Nullable String sender, Duration connectTimeout, Duration callTimeout) {
        var base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.smsUri = URI.create(base + "/api/envoyer/sms");
        this.mmsUri = URI.create(base + "/api/envoyer/mms");
        this.apiKey = apiKey;
        this.sender = sender == null || sender.isBlank() ? null : sender;
        this.callTimeout = callTimeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
    }

    @Override
    public SendOutcome send(BulkSms sms) {
        var request = HttpRequest.newBuilder(sms.isMms() ? mmsUri : smsUri)
                .timeout(callTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(sms)))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return outcome(response.statusCode(), response.body());
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

    private String form(BulkSms sms) {
        var form = new StringBuilder(64 + sms.recipients().size() * 48);
        field(form, "key", apiKey);
        field(form, "message", sms.text());
        field(form, "smslong", "1");
        if (sender != null) {
            field(form, "expediteur", sender);
        }
        if (sms.attachmentUrl() != null) {
            field(form, "fichier", sms.attachmentUrl());
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
