package dev.vla.launch.cli;

import dev.vla.launch.UserError;
import dev.vla.ros.dds.DdsSettings;

/** The DDS settings of ROS_DOMAIN_ID and VLA_DDS_*, read once per command; a bad value is a user error. */
final class DdsFromEnvironment {
  private DdsFromEnvironment() {}

  static DdsSettings read() {
    try {
      return DdsSettings.defaults();
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }
}
