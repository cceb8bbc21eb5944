package com.example.ats.shared;

import io.vertx.core.http.HttpServerRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The client a request came from, as the rate limits count it: the peer's address, or the first X-Forwarded-For
 * hop's where {@code quarkus.http.proxy} trusts the proxy (Vert.x has applied that already). An IPv6 client counts by
 * its /64: a subscriber gets a whole /64 and can use every address in it, so per address it would get limitless
 * attempts. "unknown" when there is no address.
 */
public final class ClientAddress {

    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+(%[0-9A-Za-z_.-]+)?");

    private ClientAddress() {}

    public static String of(HttpServerRequest request) {
        return request.remoteAddress() == null
                ? "unknown"
                : keyOf(request.remoteAddress().hostAddress());
    }

    static String keyOf(String address) {
        if (address == null
                || address.indexOf(':') < 0
                || !IPV6_LITERAL.matcher(address).matches()) {
            return address;
        }
        String literal = address.replaceFirst("%.*$", "");
        try {
            InetAddress parsed = InetAddress.getByName(literal); // a literal: no name lookup
            if (!(parsed instanceof Inet6Address)) {
                return parsed.getHostAddress(); // an IPv4-mapped address is the IPv4 client
            }
            byte[] bytes = parsed.getAddress();
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
