package com.luckify.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressKeyTest {

    @Test
    void anIpv4AddressIsItsOwnKey() {
        assertThat(AddressKey.of("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(AddressKey.of("203.0.113.8")).isNotEqualTo(AddressKey.of("203.0.113.7"));
    }

    @Test
    void ipv6AddressesOfOneSlash64ShareAKeyWhateverTheirSpelling() {
        String key = AddressKey.of("2001:db8:aa:1::1");

        assertThat(key).isEqualTo("20010db800aa0001::/64");
        assertThat(AddressKey.of("2001:0db8:00aa:0001:ffff:ffff:ffff:fffe")).isEqualTo(key);
        assertThat(AddressKey.of("2001:DB8:AA:1:1234:5678:9abc:def0")).isEqualTo(key);
        assertThat(AddressKey.of("[2001:db8:aa:1::9]")).isEqualTo(key);
        assertThat(AddressKey.of("fe80::1%eth0")).isEqualTo("fe80000000000000::/64");
    }

    @Test
    void theNextSlash64IsAnotherKey() {
        assertThat(AddressKey.of("2001:db8:aa:2::1")).isNotEqualTo(AddressKey.of("2001:db8:aa:1::1"));
    }

    @Test
    void anIpv4MappedAddressIsItsIpv4Address() {
        assertThat(AddressKey.of("::ffff:198.51.100.4")).isEqualTo("198.51.100.4");
    }

    @Test
    void somethingThatIsNoAddressStaysAsItIs() {
        assertThat(AddressKey.of("not:an:address:at:all:zz")).isEqualTo("not:an:address:at:all:zz");
        assertThat(AddressKey.of(null)).isNull();
    }
}
