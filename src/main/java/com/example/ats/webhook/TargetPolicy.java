package com.example.ats.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where deliveries may go: HTTPS to a public address. Checked when subscribing and again before every delivery,
 * after resolving the name, so that a name that later resolves inward (to the cluster, the cloud's metadata service,
 * a database on loopback) is refused then. A setting allows http and local targets for development and tests.
 */
@ApplicationScoped
public class TargetPolicy {

    static final int MAX_URL_LENGTH = 2048;

    /** Names that only mean something inside a cluster or a private network. */
    private static final List<String> INTERNAL_SUFFIXES =
            List.of(".local", ".localhost", ".internal", ".svc", ".cluster.local", ".lan", ".home.arpa", ".intranet");

    private final boolean allowPlainHttp;
    private final boolean allowPrivateTargets;
    private final Resolver resolver;

    /** Name resolution, replaceable in this class's unit test. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    @Inject
    TargetPolicy(WebhookConfig config) {
        this(config.allowPlainHttp(), config.allowPrivateTargets(), InetAddress::getAllByName);
    }

    TargetPolicy(boolean allowPlainHttp, boolean allowPrivateTargets, Resolver resolver) {
        this.allowPlainHttp = allowPlainHttp;
        this.allowPrivateTargets = allowPrivateTargets;
        this.resolver = resolver;
    }

    /** The parsed target, or why it is refused (a sentence for the 422 answer). */
    public URI parse(String url) throws UnsafeTargetException {
        if (url == null || url.isBlank()) {
            throw new UnsafeTargetException("is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new UnsafeTargetException("must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new UnsafeTargetException("is not a URL");
        }
        String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPlainHttp && scheme.equals("http"))) {
            throw new UnsafeTargetException(allowPlainHttp ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new UnsafeTargetException("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new UnsafeTargetException("must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw new UnsafeTargetException("must not have a fragment (#...)");
        }
        return uri;
    }

    /**
     * Refuses a target whose name or any of its current addresses is not public (unless local targets are allowed),
     * and answers the address to connect to: one of those just checked, so that the request goes where the check
     * looked and no second lookup can send it elsewhere (a name that re-resolves inward between check and connect).
     */
    public InetAddress checkReachable(URI target) throws UnsafeTargetException {
        String host = target.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!allowPrivateTargets) {
            if (host.equals("localhost") || INTERNAL_SUFFIXES.stream().anyMatch(host::endsWith)) {
                throw new UnsafeTargetException("must not point at a local or cluster-internal name");
            }
            if (!host.contains(".") && !host.contains(":")) {
                // a single label is completed by the resolver's search domains: inside a cluster, a service
                throw new UnsafeTargetException("must be a fully qualified name, not a single label");
            }
            if (target.getPort() != -1 && target.getPort() != 443) {
                throw new UnsafeTargetException("must use the https port, 443");
            }
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new UnsafeTargetException("names a host that does not resolve");
        }
        if (addresses.length == 0) {
            throw new UnsafeTargetException("names a host that does not resolve");
        }
        if (!allowPrivateTargets) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new UnsafeTargetException(
                            "resolves to a loopback, private, link-local or otherwise internal address");
                }
            }
        }
        return addresses[0];
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 0 // "this" network
                    || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT, often cluster pods
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240); // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            if (isMappedOrCompatibleIpv4(b)) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            int second = b[1] & 0xff;
            if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                return false; // NAT64 64:ff9b::/96 and 64:ff9b:1::/48: a way to reach IPv4 addresses inside
            }
            if (first == 0x20 && second == 0x02) {
                return false; // 6to4 2002::/16 carries an IPv4 address
            }
            if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
                return false; // Teredo 2001::/32
            }
            return !((first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8)
                    || (first == 0x01 && second == 0)); // documentation 2001:db8::/32, discard 100::/64
        }
        return false;
    }

    /** ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible) and ::ffff:0:a.b.c.d (translated). */
    private static boolean isMappedOrCompatibleIpv4(byte[] b) {
        for (int i = 0; i < 8; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        boolean translated = b[8] == (byte) 0xff && b[9] == (byte) 0xff && b[10] == 0 && b[11] == 0;
        boolean mapped = b[8] == 0 && b[9] == 0 && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
        boolean compatible = b[8] == 0 && b[9] == 0 && b[10] == 0 && b[11] == 0;
        return translated || mapped || compatible;
    }

    /** Why a target is refused. */
    public static class UnsafeTargetException extends Exception {
        UnsafeTargetException(String reason) {
            super(reason, null, false, false);
        }
    }
}
