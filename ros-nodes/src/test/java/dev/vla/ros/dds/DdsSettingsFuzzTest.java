package dev.vla.ros.dds;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * ROS_DOMAIN_ID, VLA_DDS_INTERFACE and VLA_DDS_SHM as a shell may set them: settings within the documented
 * ranges (domain 0..232, loopback, all or a dotted IPv4 address with octets 0..255) or an
 * IllegalArgumentException that names the variable or the value; never a NumberFormatException.
 */
class DdsSettingsFuzzTest {
  @Provide
  Arbitrary<String> domains() {
    return Arbitraries.oneOf(Arbitraries.of("", " ", "0", "7", " 42 ", "232", "233", "-1", "+5", "0x10", "1e2", "٣",
        "99999999999999999999", "2147483648", "NaN", "\u0000"), Arbitraries.strings().ofMaxLength(6),
        Arbitraries.integers().map(Object::toString));
  }

  @Provide
  Arbitrary<String> interfaces() {
    return Arbitraries.oneOf(Arbitraries.of("loopback", "all", "LOOPBACK", "", " ", "127.0.0.1", "192.168.1.20",
        "255.255.255.255", "256.0.0.1", "999.999.999.999", "1.2.3", "1.2.3.4.5", "01.2.3.4", "::1", "eth0",
        "127.0.0.1\n"), Arbitraries.strings().withChars("0123456789.").ofMaxLength(16));
  }

  @Property(tries = 600)
  void environmentGivesValidSettingsOrAClearError(@ForAll("domains") String domain, @ForAll("interfaces") String iface,
      @ForAll boolean setDomain, @ForAll boolean setInterface) {
    Map<String, String> env = new HashMap<>();
    if (setDomain) {
      env.put("ROS_DOMAIN_ID", domain);
    }
    if (setInterface) {
      env.put("VLA_DDS_INTERFACE", iface);
    }
    try {
      DdsSettings s = DdsSettings.fromEnvironment(env);
      assertTrue(s.domainId() >= 0 && s.domainId() <= 232, "domain " + s.domainId());
      String i = s.networkInterface();
      assertTrue(i.equals(DdsSettings.LOOPBACK) || i.equals(DdsSettings.ALL) || validIpv4(i), "interface '" + i + "'");
      Statistics.collect("accepted");
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage().contains("ROS_DOMAIN_ID") || e.getMessage().contains("domain id")
          || e.getMessage().contains("network interface"), e.getMessage());
      Statistics.collect("refused");
    }
  }

  static boolean validIpv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }
}
