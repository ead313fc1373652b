package dev.vla.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed scenario files, one mistake each (most are the small valid world of
 * {@code scenarios/invalid/*.sdf} with one line changed): each must be rejected with a message that names the
 * file and the line of the mistake and says what was wrong.
 */
class ScenarioLoaderErrorTest {

  static Stream<Arguments> malformedFiles() {
    return Stream.of(
        arguments("not_xml.sdf", 1, "not well-formed XML"),
        arguments("unclosed_tag.sdf", 17, "not well-formed XML"),
        arguments("unbound_prefix.sdf", 6, "is not bound"),
        arguments("doctype_entity.sdf", 2, "DOCTYPE declarations are not allowed"),
        arguments("external_entity.sdf", 2, "DOCTYPE declarations are not allowed"),
        arguments("wrong_root.sdf", 2, "root element is <world>; expected <sdf"),
        arguments("wrong_version.sdf", 2, "unsupported SDF version '2.0'"),
        arguments("missing_version.sdf", 2, "<sdf> needs attribute 'version'"),
        arguments("two_worlds.sdf", 19, "a second <world> (the first is on line 3)"),
        arguments("no_world.sdf", 2, "<sdf> holds no <world>"),
        arguments("top_level_model.sdf", 3, "directly inside <sdf> is outside the world"),
        arguments("future_namespace.sdf", 6, "which this simulator does not read"),
        arguments("unknown_vla_element.sdf", 15,
            "unknown element <vla:holds>; expected one of [in, on, holding, not_holding, near"),
        arguments("unknown_world_element.sdf", 12,
            "unknown element <vla:goal>; expected one of [region, robot, task] in <world>"),
        arguments("unknown_attribute.sdf", 6,
            "has unknown attribute 'colour'; allowed attributes are [category, color, size, graspable, container]"),
        arguments("missing_attribute.sdf", 15,
            "<vla:in> needs attribute 'container' (a model name); got attributes [object]"),
        arguments("bad_number.sdf", 12, "attribute 'timeout' of <vla:task> must be a finite number; got 'sixty'"),
        arguments("nan.sdf", 13, "must be a finite number; got 'NaN'"),
        arguments("infinite_size.sdf", 5, "must be a finite number; got 'Infinity'"),
        arguments("negative_timeout.sdf", 12, "attribute 'timeout' of <vla:task> must be > 0"),
        arguments("zero_duration.sdf", 14, "attribute 'duration' of <vla:event> must be > 0"),
        arguments("unknown_category.sdf", 6,
            "unknown category 'pyramid' in <vla:object>; expected one of [cube, block, ball"),
        arguments("unknown_color.sdf", 6, "unknown color 'pink' in <vla:object>; expected one of [red, green, blue"),
        arguments("unknown_size.sdf", 6, "unknown size 'medium' in <vla:object>; expected one of [small, large]"),
        arguments("bad_boolean.sdf", 6, "attribute 'graspable' of <vla:object> must be true or false; got 'yes'"),
        arguments("object_outside_model.sdf", 12,
            "<vla:object> must be directly inside a <model>; found it inside <world>"),
        arguments("object_in_link.sdf", 5, "must be directly inside a <model>; found it inside <link>"),
        arguments("two_objects_in_model.sdf", 7, "a second <vla:object> in model 'red_cube' (the first is on line 6)"),
        arguments("duplicate_model.sdf", 8, "duplicate model name 'red_cube' (lines 4 and 8)"),
        arguments("model_without_link.sdf", 12, "model 'ghost' has no <link>"),
        arguments("say_at_and_after.sdf", 13, "has both 'at' and 'after'"),
        arguments("say_without_trigger.sdf", 13, "<vla:say> needs attribute 'at' (seconds of sim time) or 'after'"),
        arguments("bad_after_form.sdf", 14,
            "attribute 'after' of <vla:say> must be skill_started:SKILL, skill_ended:SKILL, say:N or event:N; got" +
            " 'when:pick'"),
        arguments("bad_skill_name.sdf", 14, "skill name 'Pick' must be lower_snake_case"),
        arguments("say_index_out_of_range.sdf", 14,
            "is 'say:3', but there is no <vla:say> number 3; the task has 2 (say:0 to say:1)"),
        arguments("event_index_without_events.sdf", 14, "no <vla:event> number 0; the task has none"),
        arguments("say_waits_for_itself.sdf", 14, "number 1 waits for itself"),
        arguments("trigger_loop.sdf", 14, "triggers wait for each other in a loop (say:1 -> event:0 -> say:1)"),
        arguments("empty_say.sdf", 13, "<vla:say> is empty"),
        arguments("say_too_long.sdf", 13, "text is 1001 characters long; at most 1000"),
        arguments("unknown_event_type.sdf", 14,
            "unknown event type 'explode' in <vla:event>; expected one of [move_object, remove_object"),
        arguments("event_attribute_of_other_type.sdf", 14,
            "<vla:event type=\"camera_dropout\"> has unknown attribute 'object'; allowed attributes are [at," +
            " after, type, duration]"),
        arguments("move_missing_model.sdf", 14, "object='green_cube' names no model"),
        arguments("move_bad_position.sdf", 14, "attribute 'to' of <vla:event> needs 3 numbers (x y z); got '1 0'"),
        arguments("predicate_missing_model.sdf", 15,
            "<vla:in> object='green_cube' names no model; models: [red_cube, blue_bin]"),
        arguments("in_non_container.sdf", 15, "container 'red_cube' of <vla:in> is not a container"),
        arguments("opened_without_prismatic.sdf", 15, "model 'blue_bin' (line 8) has no prismatic joint"),
        arguments("near_target_robot.sdf", 15, "attribute 'target' of <vla:near> cannot be the robot"),
        arguments("near_bad_point.sdf", 15, "attribute 'target' of <vla:near> needs 2 numbers (x y); got '1 2 3'"),
        arguments("missing_region.sdf", 15, "names region 'garden', but no <vla:region> has that name; regions: []"),
        arguments("stopped_within_skill.sdf", 15,
            "attribute 'after' of <vla:stopped_within> must be say:N or event:N; got 'skill_ended:pick'"),
        arguments("stopped_within_out_of_range.sdf", 15, "no <vla:say> number 1; the task has 1 (say:0 to say:0)"),
        arguments("predicate_not_in_namespace.sdf", 15, "unexpected element <in> in <vla:expect>"),
        arguments("empty_expect.sdf", 14, "<vla:expect> is empty; expected at least one of"),
        arguments("no_task.sdf", 3, "<world name=\"broken\"> has no <vla:task>"),
        arguments("two_tasks.sdf", 18, "a second <vla:task> (the first is on line 12)"),
        arguments("two_robots.sdf", 13, "a second <vla:robot> (the first is on line 12)"),
        arguments("robot_pose_three_numbers.sdf", 12, "attribute 'pose' of <vla:robot> needs 4 numbers (x y z yaw)"),
        arguments("duplicate_region.sdf", 13, "a second <vla:region name=\"kitchen\"> (the first is on line 12)"),
        arguments("mesh_geometry.sdf", 5,
            "unsupported geometry <mesh>; the embedded simulator supports only [box, cylinder, sphere, plane]"),
        arguments("cylinder_without_length.sdf", 5, "<cylinder> needs <length>"),
        arguments("include.sdf", 4,
            "<include> (model://sun) is not supported: the embedded simulator needs self-contained worlds"),
        arguments("nested_model.sdf", 5, "nested models are not supported; flatten <model name=\"lid\">"),
        arguments("pose_relative_to_other.sdf", 5,
            "is not supported: only poses relative to the parent frame (the world) are"),
        arguments("pose_five_numbers.sdf", 5, "<pose> needs 6 numbers (x y z roll pitch yaw)"),
        arguments("static_yes.sdf", 5, "<static> must be true, false, 1 or 0; got 'yes'"),
        arguments("diffuse_out_of_range.sdf", 5, "<diffuse> components must lie between 0 and 1"),
        arguments("joint_unknown_link.sdf", 6,
            "<child> of joint 'hinge' is 'lid', which is not a link of model 'red_cube'"),
        arguments("task_in_link.sdf", 5, "unexpected element <vla:task> inside <link>"),
        arguments("pose_frame_other.sdf", 5, "<pose frame=\"blue_bin\"> is not supported"),
        arguments("closed_without_limits.sdf", 17, "needs the limits of prismatic joint 'slide' of model 'red_cube'"),
        arguments("holding_missing_model.sdf", 15, "<vla:holding> object='purple_ball' names no model"),
        arguments("predicate_unknown_attribute.sdf", 15,
            "<vla:untouched> has unknown attribute 'seconds'; allowed attributes are [object]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedFiles")
  void rejectsWithFileLineAndReason(String fileName, int line, String phrase) throws URISyntaxException {
    Path file = invalidScenario(fileName);

    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));

    assertTrue(e.getMessage().startsWith(fileName + ":" + line + ": "),
        () -> "expected the message to start with " + fileName + ":" + line + ": but got: " + e.getMessage());
    assertTrue(e.getMessage().contains(phrase), () -> "expected '" + phrase + "' in: " + e.getMessage());
    assertEquals(file, e.file());
    assertEquals(line, e.line());
  }

  static Path invalidScenario(String fileName) throws URISyntaxException {
    return Path.of(ScenarioLoaderErrorTest.class.getResource("/scenarios/invalid/" + fileName).toURI());
  }
}
