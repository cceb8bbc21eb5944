package com.example.ats.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The production rules for webhook targets, with a fake resolver standing in for DNS (a unit test of one class). */
class TargetPolicyTest {

    private static final Map<String, String> DNS = Map.of(
            "hooks.example.com", "93.184.215.14",
            "inward.example.com", "10.1.2.3",
            "metadata.example.com", "169.254.169.254",
            "mixed.example.com", "93.184.215.14,127.0.0.1",
            "v6.example.com", "2a00:1450:4001:81d::200e",
            "ula.example.com", "fd12:3456:789a::1",
            "mapped.example.com", "::ffff:192.168.1.1",
            "cgnat.example.com", "100.64.0.10");

    private final TargetPolicy production = new TargetPolicy(false, false, TargetPolicyTest::resolve);

    @Test
    void aPublicHttpsTargetIsAccepted() throws Exception {
        URI target = production.parse("https://hooks.example.com:443/ats?tenant=7");
        production.checkReachable(target);
        production.checkReachable(production.parse("https://v6.example.com/x"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://hooks.example.com/x",
                "ftp://hooks.example.com/x",
                "https://user:secret@hooks.example.com/x",
                "https://hooks.example.com/x#fragment",
                "hooks.example.com/x",
                "https:///x"
            })
    void aTargetThatIsNotAPlainHttpsUrlIsRefused(String url) {
        assertThatThrownBy(() -> production.parse(url)).isInstanceOf(TargetPolicy.UnsafeTargetException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1/x",
                "https://[::1]/x",
                "https://localhost/x",
                "https://10.0.0.8/x",
                "https://192.168.1.20/x",
                "https://172.16.5.4/x",
                "https://169.254.169.254/latest/meta-data",
                "https://0.0.0.0/x",
                "https://inward.example.com/x",
                "https://metadata.example.com/x",
                "https://mixed.example.com/x",
                "https://ula.example.com/x",
                "https://mapped.example.com/x",
                "https://cgnat.example.com/x",
                "https://ats.default.svc/x",
                "https://ats.default.svc.cluster.local/x",
                "https://db.internal/x",
                "https://keycloak/x",
                "https://unknown.example.com/x",
                "https://hooks.example.com:8443/x",
                "https://hooks.example.com:5432/x",
                "https://[64:ff9b::a00:5]/x",
                "https://[2002:a00:5::1]/x",
                "https://[2001:0:4136:e378::1]/x",
                "https://[::ffff:0:a00:5]/x"
            })
    void aTargetThatResolvesInwardOrNotAtAllIsRefused(String url) throws Exception {
        URI target = production.parse(url);
        assertThatThrownBy(() -> production.checkReachable(target))
                .isInstanceOf(TargetPolicy.UnsafeTargetException.class);
    }

    @Test
    void developmentSettingsAllowPlainHttpOnLoopback() throws Exception {
        TargetPolicy development = new TargetPolicy(true, true, TargetPolicyTest::resolve);
        development.checkReachable(development.parse("http://127.0.0.1:8089/hook"));
        assertThat(new TargetPolicy(true, false, TargetPolicyTest::resolve).parse("http://hooks.example.com/x"))
                .isNotNull();
    }

    @Test
    void eachRefusalSaysWhy() throws Exception {
        assertThat(reason("https://localhost/x")).isEqualTo("must not point at a local or cluster-internal name");
        assertThat(reason("https://db.internal/x")).isEqualTo("must not point at a local or cluster-internal name");
        assertThat(reason("https://keycloak/x")).isEqualTo("must be a fully qualified name, not a single label");
        assertThat(reason("https://hooks.example.com:8443/x")).isEqualTo("must use the https port, 443");
        assertThat(reason("https://unknown.example.com/x")).isEqualTo("names a host that does not resolve");
        assertThat(reason("https://inward.example.com/x"))
                .isEqualTo("resolves to a loopback, private, link-local or otherwise internal address");
        assertThatThrownBy(() -> production.parse("http://hooks.example.com/x")).hasMessage("must be an https URL");
        assertThatThrownBy(() -> new TargetPolicy(true, false, TargetPolicyTest::resolve).parse("ftp://h.example/x"))
                .hasMessage("must be an http or https URL");
        TargetPolicy empty = new TargetPolicy(false, false, host -> new InetAddress[0]);
        assertThatThrownBy(() -> empty.checkReachable(URI.create("https://hooks.example.com/x")))
                .hasMessage("names a host that does not resolve");
    }

    @Test
    void theAddressToConnectToIsOneJustChecked() throws Exception {
        assertThat(production.checkReachable(production.parse("https://hooks.example.com:443/x")))
                .isEqualTo(InetAddress.getByName("93.184.215.14"));
        assertThat(production.checkReachable(production.parse("https://[2a00:1450:4001:81d::200e]/x")))
                .isEqualTo(InetAddress.getByName("2a00:1450:4001:81d::200e"));
        TargetPolicy development = new TargetPolicy(true, true, TargetPolicyTest::resolve);
        assertThat(development.checkReachable(development.parse("http://127.0.0.1:8089/x")))
                .isEqualTo(InetAddress.getByName("127.0.0.1"));
    }

    @Test
    void aUrlOfAtMostTheLimitIsTaken() throws Exception {
        String base = "https://hooks.example.com/";
        assertThat(production.parse(base + "a".repeat(TargetPolicy.MAX_URL_LENGTH - base.length())))
                .isNotNull();
        assertThatThrownBy(() -> production.parse(base + "a".repeat(TargetPolicy.MAX_URL_LENGTH - base.length() + 1)))
                .hasMessage("must be at most 2048 characters");
    }

    /** The edges of every range that is not public, each with its neighbours outside it. */
    @ParameterizedTest
    @CsvSource({
        "1.0.0.1, true",
        "0.1.2.3, false",
        "99.64.0.1, true",
        "100.63.255.255, true",
        "100.64.0.0, false",
        "100.127.255.255, false",
        "100.128.0.0, true",
        "101.64.0.1, true",
        "191.0.0.1, true",
        "192.0.0.8, false",
        "192.0.1.1, true",
        "192.1.0.1, true",
        "197.18.0.1, true",
        "198.17.0.1, true",
        "198.18.0.1, false",
        "198.19.255.1, false",
        "198.20.0.1, true",
        "199.18.0.1, true",
        "223.255.255.254, true",
        "240.0.0.1, false",
        "255.255.255.255, false",
        "10.0.0.1, false",
        "172.16.0.1, false",
        "192.168.0.1, false",
        "169.254.169.254, false",
        "127.0.0.1, false",
        "224.0.0.1, false"
    })
    void ipv4(String address, boolean isPublic) throws Exception {
        assertThat(TargetPolicy.isPublic(InetAddress.getByName(address)))
                .as(address)
                .isEqualTo(isPublic);
    }

    @ParameterizedTest
    @CsvSource({
        "2a00:1450::1, true",
        "fb00::1, true",
        "fc00::1, false",
        "fd12:3456::1, false",
        "fe00::1, true",
        "64:ff9b::a00:5, false",
        "64:ff9b:1::1, false",
        "64:ff9a::1, true",
        "64:fe9b::1, true",
        "65:ff9b::1, true",
        "0:64:ff9b::1, true",
        "2002::1, false",
        "2003::1, true",
        "2102::1, true",
        "2001:0:4136::1, false",
        "2001:1::1, true",
        "2001:100::1, true",
        "2001:db8::1, false",
        "2001:db9::1, true",
        "2001:cb8::1, true",
        "2001:d08::1, true",
        "2000:db8::1, true",
        "2101:db8::1, true",
        "100::1, false",
        "101::1, true",
        "200::1, true",
        "::1, false",
        "::, false",
        "fe80::1, false",
        "ff02::1, false"
    })
    void ipv6(String address, boolean isPublic) throws Exception {
        InetAddress v6 = Inet6Address.getByAddress(null, sixteen(address), -1);
        assertThat(TargetPolicy.isPublic(v6)).as(address).isEqualTo(isPublic);
    }

    /**
     * IPv4 carried in IPv6 (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, translated ::ffff:0:a.b.c.d) is judged as
     * the IPv4 address; the same bytes one step off any of those prefixes are plain IPv6 (public here).
     */
    @ParameterizedTest
    @CsvSource({
        "0:0:0:0:0:ffff:a00:1, false",
        "0:0:0:0:0:ffff:5db8:d70e, true",
        "0:0:0:0:0:0:a00:1, false",
        "0:0:0:0:0:0:5db8:d70e, true",
        "0:0:0:0:ffff:0:a00:1, false",
        "0:0:0:0:ffff:0:5db8:d70e, true",
        "0:0:0:0:ffff:1:a00:1, true",
        "0:0:0:0:ff00:0:a00:1, true",
        "0:0:0:0:ff:0:a00:1, true",
        "0:0:0:0:0:ff00:a00:1, true",
        "0:0:0:0:0:fe:a00:1, true",
        "0:0:0:0:1:ffff:a00:1, true",
        "0:0:0:0:100:ffff:a00:1, true",
        "0:0:0:0:0:1:a00:1, true",
        "0:0:0:0:1:0:a00:1, true",
        "0:0:0:0:100:0:a00:1, true",
        "0:0:0:0:0:100:a00:1, true",
        "0:0:0:1:0:ffff:a00:1, true",
        "0:0:1:0:0:ffff:a00:1, true",
        "0:1:0:0:0:ffff:a00:1, true",
        "1:0:0:0:0:ffff:a00:1, true"
    })
    void ipv4InIpv6(String address, boolean isPublic) throws Exception {
        InetAddress v6 = Inet6Address.getByAddress(null, sixteen(address), -1);
        assertThat(TargetPolicy.isPublic(v6)).as(address).isEqualTo(isPublic);
    }

    /** The 16 bytes of an IPv6 address as written (the JDK would turn a mapped one into IPv4). */
    private static byte[] sixteen(String text) {
        String[] halves = text.split("::", -1);
        List<String> head = halves[0].isEmpty() ? List.of() : List.of(halves[0].split(":"));
        List<String> tail = halves.length < 2 || halves[1].isEmpty() ? List.of() : List.of(halves[1].split(":"));
        List<String> groups = new ArrayList<>(head);
        for (int i = head.size() + tail.size(); i < 8; i++) {
            groups.add("0");
        }
        groups.addAll(tail);
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            int group = Integer.parseInt(groups.get(i), 16);
            bytes[2 * i] = (byte) (group >> 8);
            bytes[2 * i + 1] = (byte) group;
        }
        return bytes;
    }

    private String reason(String url) throws Exception {
        URI target = production.parse(url);
        try {
            production.checkReachable(target);
            return null;
        } catch (TargetPolicy.UnsafeTargetException e) {
            return e.getMessage();
        }
    }

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String addresses = DNS.get(host);
        if (addresses == null) {
            if (host.matches("[0-9.]+") || host.contains(":")) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
        String[] each = addresses.split(",");
        InetAddress[] resolved = new InetAddress[each.length];
        for (int i = 0; i < each.length; i++) {
            resolved[i] = InetAddress.getByName(each[i]);
        }
        return resolved;
    }
}
