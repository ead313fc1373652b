package dev.vla.ros.dds;

import java.time.Duration;
import java.util.Map;

/**
 * How the DDS participant joins the network. The defaults fix what Fast-DDS's defaults get wrong for
 * a robot: loopback only (nothing leaks onto the robot's LAN until asked), socket buffers large
 * enough for VGA frames, a finite lease so a dead peer leaves the graph within seconds, and frequent
 * announcements so peers find each other quickly.
 *
 * @param domainId ROS domain (ROS_DOMAIN_ID), 0..232
 * @param networkInterface {@code loopback}, {@code all}, or an IPv4 address of this machine
 * @param lease how long a silent peer stays in the graph
 * @param socketBufferBytes UDP send and receive buffer size
 * @param sharedMemory also offer Fast-DDS's shared-memory transport to peers on this host
 */
public record DdsSettings(int domainId, String networkInterface, Duration lease, int socketBufferBytes,
    boolean sharedMemory) {
  public static final String LOOPBACK = "loopback";
  public static final String ALL = "all";

  public DdsSettings {
    if (domainId < 0 || domainId > 232) {
      throw new IllegalArgumentException("ROS domain id must be 0..232, got " + domainId);
    }
    if (networkInterface == null || networkInterface.isBlank()) {
      throw new IllegalArgumentException("network interface must be 'loopback', 'all' or an IPv4 address");
    }
    if (!networkInterface.equals(LOOPBACK) && !networkInterface.equals(ALL)
        && !isIpv4(networkInterface)) {
      throw new IllegalArgumentException("network interface must be 'loopback', 'all' or an IPv4 address, got '"
          + networkInterface + "'");
    }
    if (lease.isNegative() || lease.isZero() || lease.toSeconds() > 3600) {
      throw new IllegalArgumentException("lease must be between 0 and 1 h, got " + lease);
    }
    if (socketBufferBytes < 65_536) {
      throw new IllegalArgumentException("socket buffers below 64 KiB drop camera frames, got " + socketBufferBytes);
    }
  }

  /** Loopback, 3 s lease, 4 MiB buffers, the domain of {@code ROS_DOMAIN_ID} (0 when unset). */
  public static DdsSettings defaults() {
    return fromEnvironment(System.getenv());
  }

  static DdsSettings fromEnvironment(Map<String, String> env) {
    int domain = 0;
    String id = env.get("ROS_DOMAIN_ID");
    if (id != null && !id.isBlank()) {
      try {
        domain = Integer.parseInt(id.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("ROS_DOMAIN_ID must be a number 0..232, got '" + id + "'");
      }
    }
    String iface = env.getOrDefault("VLA_DDS_INTERFACE", LOOPBACK);
    boolean shm = !"off".equalsIgnoreCase(env.getOrDefault("VLA_DDS_SHM", "on"));
    return new DdsSettings(domain, iface, Duration.ofSeconds(3), 4 * 1024 * 1024, shm);
  }

  /** Four dotted decimal octets, each 0..255 ({@code 256.0.0.1} is no address). */
  private static boolean isIpv4(String s) {
    if (!s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return false;
    }
    for (String octet : s.split("\\.")) {
      if (Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }

  public DdsSettings withDomain(int domain) {
    return new DdsSettings(domain, networkInterface, lease, socketBufferBytes, sharedMemory);
  }

  public DdsSettings withSharedMemory(boolean on) {
    return new DdsSettings(domainId, networkInterface, lease, socketBufferBytes, on);
  }

  public DdsSettings withInterface(String iface) {
    return new DdsSettings(domainId, iface, lease, socketBufferBytes, sharedMemory);
  }
}
