package com.example.ats.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
