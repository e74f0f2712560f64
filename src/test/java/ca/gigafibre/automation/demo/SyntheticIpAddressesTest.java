package ca.gigafibre.automation.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The addresses in service the demo data gives its customers: valid and each one once, up to scale 10. */
class SyntheticIpAddressesTest {

    @Test
    void theAddressesInServiceStayValidAndDistinctPastTheLastSlash24OfTheFirstSlash16() {
        assertThat(SyntheticNetwork.currentIp(0)).isEqualTo("96.125.192.2");
        assertThat(SyntheticNetwork.currentIp(249)).isEqualTo("96.125.192.251");
        assertThat(SyntheticNetwork.currentIp(250)).isEqualTo("96.125.193.2");
        assertThat(SyntheticNetwork.currentIp(15_999)).isEqualTo("96.125.255.251");
        assertThat(SyntheticNetwork.currentIp(16_000)).isEqualTo("96.126.0.2");   // scale 10 has ≈ 67,000 accounts in service

        Set<String> seen = new HashSet<>();
        IntStream.range(0, 70_000).mapToObj(SyntheticNetwork::currentIp).forEach(ip -> {
            assertThat(ip).matches("96\\.12[5-6]\\.(\\d{1,3})\\.(\\d{1,3})");
            assertThat(ip.split("\\.")).allSatisfy(octet -> assertThat(Integer.parseInt(octet)).isBetween(0, 255));
            assertThat(seen.add(ip)).as("%s given twice", ip).isTrue();
        });
    }
}
