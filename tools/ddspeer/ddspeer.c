/* A non-Java ROS 2 peer on Cyclone DDS, for interop checks with vla-controller. See README.md. */
#define _DEFAULT_SOURCE
#include <inttypes.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "dds/dds.h"
#include "geometry_msgs/msg/Twist.h"
#include "sensor_msgs/msg/Image.h"
#include "std_msgs/msg/String.h"
#include "vla_interfaces/msg/AffordanceCall.h"
#include "vla_interfaces/msg/SkillStatus.h"

static dds_entity_t participant;

static void check(dds_return_t rc, const char *what) {
  if (rc < 0) {
    fprintf(stderr, "ddspeer: %s failed: %s\n", what, dds_strretcode(rc));
    exit(1);
  }
}

static dds_qos_t *reliable(void) {
  dds_qos_t *q = dds_create_qos();
  dds_qset_reliability(q, DDS_RELIABILITY_RELIABLE, DDS_SECS(1));
  dds_qset_history(q, DDS_HISTORY_KEEP_LAST, 10);
  return q;
}

static dds_entity_t topic(const dds_topic_descriptor_t *desc, const char *ros_name) {
  char name[256];
  snprintf(name, sizeof name, "rt%s", ros_name);
  dds_entity_t t = dds_create_topic(participant, desc, name, NULL, NULL);
  check(t, "create topic");
  return t;
}

static dds_entity_t reader(const dds_topic_descriptor_t *desc, const char *ros_name) {
  dds_qos_t *q = reliable();
  dds_entity_t r = dds_create_reader(participant, topic(desc, ros_name), q, NULL);
  dds_delete_qos(q);
  check(r, "create reader");
  return r;
}

static dds_entity_t writer(const dds_topic_descriptor_t *desc, const char *ros_name) {
  dds_qos_t *q = reliable();
  dds_entity_t w = dds_create_writer(participant, topic(desc, ros_name), q, NULL);
  dds_delete_qos(q);
  check(w, "create writer");
  return w;
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Takes one sample (loaned) if there is one; returns it, or NULL. The caller returns the loan. */
static void *take_one(dds_entity_t r, void **samples) {
  dds_sample_info_t info;
  samples[0] = NULL;
  dds_return_t n = dds_take(r, samples, &info, 1, 1);
  if (n <= 0) return NULL;
  if (!info.valid_data) {
    dds_return_loan(r, samples, n);
    return NULL;
  }
  return samples[0];
}

static int echo(double seconds) {
  const char *names[] = {"string", "twist", "image", "affordance_call"};
  const dds_topic_descriptor_t *descs[] = {&std_msgs_msg_dds__String__desc, &geometry_msgs_msg_dds__Twist__desc,
                                           &sensor_msgs_msg_dds__Image__desc,
                                           &vla_interfaces_msg_dds__AffordanceCall__desc};
  dds_entity_t in[4], out[4];
  for (int i = 0; i < 4; i++) {
    char to[128], from[128];
    snprintf(to, sizeof to, "/interop/to_peer/%s", names[i]);
    snprintf(from, sizeof from, "/interop/from_peer/%s", names[i]);
    in[i] = reader(descs[i], to);
    out[i] = writer(descs[i], from);
  }
  printf("ready\n");
  fflush(stdout);
  long echoed = 0;
  double end = now_s() + seconds;
  while (now_s() < end) {
    int idle = 1;
    for (int i = 0; i < 4; i++) {
      void *samples[1];
      void *s = take_one(in[i], samples);
      if (s) {
        check(dds_write(out[i], s), "write");
        dds_return_loan(in[i], samples, 1);
        echoed++;
        idle = 0;
      }
    }
    if (idle) usleep(500);
  }
  printf("echoed %ld\n", echoed);
  return 0;
}

static int say(const char *text) {
  dds_entity_t w = writer(&std_msgs_msg_dds__String__desc, "/vla/instruction");
  dds_publication_matched_status_t st;
  double end = now_s() + 20;
  do {
    check(dds_get_publication_matched_status(w, &st), "matched status");
    if (st.current_count > 0) break;
    usleep(10000);
  } while (now_s() < end);
  if (st.current_count == 0) {
    fprintf(stderr, "ddspeer: nobody subscribes to /vla/instruction\n");
    return 2;
  }
  std_msgs_msg_dds__String_ msg = {.data = (char *)text};
  check(dds_write(w, &msg), "write");
  check(dds_wait_for_acks(w, DDS_SECS(5)), "wait for acks");
  printf("said %s\n", text);
  return 0;
}

static int watch(double seconds) {
  dds_entity_t cmd = reader(&geometry_msgs_msg_dds__Twist__desc, "/cmd_vel");
  dds_entity_t call = reader(&vla_interfaces_msg_dds__AffordanceCall__desc, "/vla/affordance_call");
  dds_entity_t status = reader(&vla_interfaces_msg_dds__SkillStatus__desc, "/vla/skill_status");
  printf("ready\n");
  fflush(stdout);
  int matched = 0;
  double end = now_s() + seconds;
  while (now_s() < end) {
    void *samples[1];
    int idle = 1;
    if (!matched) {
      /* Say so once every topic has a publisher: messages published before that are not seen. */
      dds_subscription_matched_status_t a, b, c;
      dds_get_subscription_matched_status(cmd, &a);
      dds_get_subscription_matched_status(call, &b);
      dds_get_subscription_matched_status(status, &c);
      if (a.current_count > 0 && b.current_count > 0 && c.current_count > 0) {
        matched = 1;
        printf("matched\n");
      }
    }
    geometry_msgs_msg_dds__Twist_ *t = take_one(cmd, samples);
    if (t) {
      printf("cmd_vel linear.x=%.3f angular.z=%.3f\n", t->linear.x, t->angular.z);
      dds_return_loan(cmd, samples, 1);
      idle = 0;
    }
    vla_interfaces_msg_dds__AffordanceCall_ *c = take_one(call, samples);
    if (c) {
      printf("affordance_call skill=%s confidence=%.2f", c->skill, c->confidence);
      for (uint32_t i = 0; i < c->args._length; i++) printf(" %s=%s", c->args._buffer[i].key, c->args._buffer[i].value);
      printf("\n");
      dds_return_loan(call, samples, 1);
      idle = 0;
    }
    vla_interfaces_msg_dds__SkillStatus_ *s = take_one(status, samples);
    if (s) {
      printf("skill_status call_id=%" PRIu64 " skill=%s state=%u reason=%s\n", s->call_id, s->skill, s->state,
             s->reason);
      dds_return_loan(status, samples, 1);
      idle = 0;
    }
    fflush(stdout);
    if (idle) usleep(1000);
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: ddspeer echo SECONDS | say TEXT | watch SECONDS\n");
    return 2;
  }
  if (!getenv("CYCLONEDDS_URI")) {
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
      exe[n] = 0;
      char uri[PATH_MAX + 32];
      snprintf(uri, sizeof uri, "file://%s/cyclonedds.xml", dirname(exe));
      setenv("CYCLONEDDS_URI", uri, 1);
    }
  }
  const char *d = getenv("ROS_DOMAIN_ID");
  participant = dds_create_participant(d ? atoi(d) : 0, NULL, NULL);
  check(participant, "create participant");
  int rc;
  if (strcmp(argv[1], "echo") == 0) rc = echo(atof(argv[2]));
  else if (strcmp(argv[1], "say") == 0) rc = say(argv[2]);
  else if (strcmp(argv[1], "watch") == 0) rc = watch(atof(argv[2]));
  else {
    fprintf(stderr, "ddspeer: unknown command %s\n", argv[1]);
    rc = 2;
  }
  dds_delete(participant);
  return rc;
}
