package com.luckify.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.support.AddressedClient;
import com.luckify.support.ApiClient.Response;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Registration budgets are per IPv6 /64, not per IPv6 address: a subscriber holds a whole /64 and can show up from any
 * of its 2^64 addresses, so addresses of one /64 share one budget, while the next /64 (another subscriber) has its own.
 * IPv4 addresses stay budgeted one by one. The clients come through a trusted proxy (X-Forwarded-For from loopback).
 */
class RegistrationAddressBudgetIT extends RealPeopleSettingsTest {

    @Test
    void addressesOfOneSlash64ShareOneRegistrationBudget() {
        // a /64 of the documentation prefix no earlier run used (budgets live a minute in Redis), and the next /64
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int site = random.nextInt(0x10000);
        int subnet = random.nextInt(0xfffe);
        String prefix = String.format("2001:db8:%x:%x:", site, subnet);
        String nextPrefix = String.format("2001:db8:%x:%x:", site, subnet + 1);

        for (int i = 1; i <= REGISTRATIONS_PER_ADDRESS; i++) {
            String address = prefix + i + "::" + Integer.toHexString(random.nextInt(1, 0x10000));
            Response registered = registerFrom(address);
            assertThat(registered.code()).as("registration from %s: %s", address, registered).isEqualTo(200);
        }
        int exchanges = weChat.phoneCalls();
        Response refused = registerFrom(prefix + "ffff:ffff:ffff:fffe");
        Response nextSubscriber = registerFrom(nextPrefix + "1:2:3:4");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo(100010);
        assertThat(nextSubscriber.code()).as("another /64: %s", nextSubscriber).isEqualTo(200);
        assertThat(weChat.phoneCalls()).as("the refused registration never reached WeChat").isEqualTo(exchanges + 1);
    }

    @Test
    void ipv4AddressesKeepABudgetEach() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String network = "198.51." + random.nextInt(256) + ".";
        int first = random.nextInt(1, 120);

        for (int i = 0; i < REGISTRATIONS_PER_ADDRESS; i++) {
            assertThat(registerFrom(network + first).code()).isEqualTo(200);
        }

        assertThat(registerFrom(network + first).code()).isEqualTo(100010);
        assertThat(registerFrom(network + (first + 1)).code()).as("the neighbouring address").isEqualTo(200);
    }

    private Response registerFrom(String address) {
        return AddressedClient.forwardedFor(port, address).post("/usercenter/v1/user/register",
                "{\"code\":\"" + phoneCode(freshMobile()) + "\",\"password\":\"secret123\"}", null);
    }
}
