package com.example.ats.document;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The Content-Disposition of a download (RFC 6266): an ASCII fallback name and the exact UTF-8 name. */
public final class ContentDisposition {

    private ContentDisposition() {}

    public static String attachment(String fileName) {
        String ascii = fileName.codePoints()
                .map(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';' ? c : '_')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
