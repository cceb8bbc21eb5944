package com.example.ats.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The client as the rate limits count it: an IPv6 /64 is one client, whatever address in it sends. */
class ClientAddressTest {

    @Test
    void everyAddressOfOneIpv6SlashSixtyFourIsOneClient() {
        String first = ClientAddress.keyOf("2001:db8:1:2::1");
        assertThat(ClientAddress.keyOf("2001:db8:1:2:ffff:ffff:ffff:fffe")).isEqualTo(first);
        assertThat(ClientAddress.keyOf("2001:db8:1:2:0:0:0:b")).isEqualTo(first);
        assertThat(ClientAddress.keyOf("2001:db8:1:2::1%eth0")).isEqualTo(first);
        assertThat(first).isEqualTo("2001:db8:1:2:0:0:0:0/64");
    }

    @Test
    void anotherSlashSixtyFourIsAnotherClient() {
        assertThat(ClientAddress.keyOf("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.keyOf("2001:db8:1:2::1"));
    }

    @Test
    void ipv4AndIpv4MappedAddressesCountOneByOne() {
        assertThat(ClientAddress.keyOf("198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.keyOf("::ffff:198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.keyOf("198.51.100.8")).isNotEqualTo("198.51.100.7");
    }

    @Test
    void whatIsNotAnAddressIsLeftAsItIs() {
        assertThat(ClientAddress.keyOf("unknown")).isEqualTo("unknown");
        assertThat(ClientAddress.keyOf("example.org:80")).isEqualTo("example.org:80");
    }
}
