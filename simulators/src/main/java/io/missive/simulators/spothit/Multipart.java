package io.missive.simulators.spothit;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Just enough of multipart/form-data (RFC 7578) to read SpotHit's upload form: named parts, a file name, a type. */
final class Multipart {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

    record Part(byte[] bytes, @Nullable String fileName, @Nullable String contentType) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private Multipart() {
    }

    /** The parts by name; empty when the body is not multipart. ISO-8859-1 maps each byte to one char, so files survive. */
    static Map<String, Part> parse(@Nullable String contentType, byte[] body) {
        var parts = new LinkedHashMap<String, Part>();
        var boundary = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (boundary == null || !contentType.toLowerCase().startsWith("multipart/form-data") || !boundary.find()) {
            return parts;
        }
        var text = new String(body, StandardCharsets.ISO_8859_1);
        for (var chunk : text.split(Pattern.quote("--" + boundary.group(1)))) {
            int headersEnd = chunk.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                continue;
            }
            var headers = chunk.substring(0, headersEnd);
            var content = chunk.substring(headersEnd + 4);
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            }
            var name = NAME.matcher(headers);
            if (!name.find()) {
                continue;
            }
            var fileName = FILE_NAME.matcher(headers);
            String type = null;
            for (var line : headers.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-type:")) {
                    type = line.substring("content-type:".length()).trim();
                }
            }
            parts.put(name.group(1), new Part(content.getBytes(StandardCharsets.ISO_8859_1),
                    fileName.find() ? fileName.group(1) : null, type));
        }
        return parts;
    }
}
