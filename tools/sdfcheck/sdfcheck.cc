// Strict libsdformat check of scenario files: a file that passes loads in Gazebo, and its vla: task
// elements survive Gazebo's parser. Unrecognised elements and parser warnings are errors (a plain
// `gz sdf -k` lets unknown elements through). Prints OK/FAIL per file; exit status 0 only if all pass.
#include <sdf/sdf.hh>

#include <iostream>
#include <string>
#include <vector>

namespace {

const char kNamespace[] = "urn:vla-controller:scenario:1";

int CountNamed(const sdf::ElementPtr &parent, const std::string &name) {
  int count = 0;
  for (sdf::ElementPtr child = parent->GetFirstElement(); child; child = child->GetNextElement()) {
    if (child->GetName() == name) {
      ++count;
    }
  }
  return count;
}

// Loads with unrecognised elements and parser warnings as errors; returns libsdformat's complaints.
std::vector<std::string> StrictLoad(sdf::Root &root, const std::string &file) {
  sdf::ParserConfig config;
  config.SetUnrecognizedElementsPolicy(sdf::EnforcementPolicy::ERR);
  config.SetWarningsPolicy(sdf::EnforcementPolicy::ERR);
  std::vector<std::string> problems;
  for (const sdf::Error &e : root.Load(file, config)) {
    problems.push_back("libsdformat: " + e.Message());
  }
  return problems;
}

// A robot model for Gazebo (no world, no task): strict parse, exactly one model.
std::vector<std::string> ModelProblems(const std::string &file) {
  sdf::Root root;
  std::vector<std::string> problems = StrictLoad(root, file);
  if (problems.empty() && root.Model() == nullptr) {
    problems.push_back("expected one <model> at the top level");
  }
  return problems;
}

std::vector<std::string> Problems(const std::string &file) {
  sdf::Root root;
  std::vector<std::string> problems = StrictLoad(root, file);
  if (!problems.empty()) {
    return problems;
  }
  sdf::ElementPtr top = root.Element();
  if (top->OriginalVersion() != "1.9") {
    problems.push_back("version " + top->OriginalVersion() + ", expected 1.9");
  }
  sdf::ParamPtr ns = top->GetAttribute("xmlns:vla");
  if (!ns || ns->GetAsString() != kNamespace) {
    problems.push_back(std::string("<sdf> must declare xmlns:vla=\"") + kNamespace + "\"");
  }
  if (root.WorldCount() != 1) {
    problems.push_back("expected exactly one <world>");
    return problems;
  }
  const sdf::World *world = root.WorldByIndex(0);
  sdf::ElementPtr w = world->Element();
  if (CountNamed(w, "vla:task") != 1) {
    problems.push_back("expected one <vla:task> in the world after parsing");
  } else if (CountNamed(w->GetElement("vla:task"), "vla:expect") != 1) {
    problems.push_back("expected one <vla:expect> in <vla:task> after parsing");
  }
  if (CountNamed(w, "vla:robot") > 1) {
    problems.push_back("more than one <vla:robot>");
  }
  int tagged = 0;
  for (uint64_t i = 0; i < world->ModelCount(); ++i) {
    const sdf::Model *model = world->ModelByIndex(i);
    int tags = CountNamed(model->Element(), "vla:object");
    tagged += tags;
    if (tags > 1) {
      problems.push_back("model " + model->Name() + " carries more than one <vla:object>");
    }
  }
  if (tagged == 0) {
    problems.push_back("no model carries a <vla:object> after parsing");
  }
  return problems;
}

}  // namespace

int main(int argc, char **argv) {
  bool models = argc > 1 && std::string(argv[1]) == "--model";
  int first = models ? 2 : 1;
  if (argc <= first) {
    std::cerr << "usage: sdfcheck FILE.sdf...   (scenario worlds)\n       sdfcheck --model FILE.sdf...\n";
    return 2;
  }
  int failed = 0;
  for (int i = first; i < argc; ++i) {
    std::vector<std::string> problems = models ? ModelProblems(argv[i]) : Problems(argv[i]);
    std::cout << (problems.empty() ? "OK   " : "FAIL ") << argv[i] << "\n";
    for (const std::string &p : problems) {
      std::cout << "     " << p << "\n";
    }
    failed += problems.empty() ? 0 : 1;
  }
  std::cout << (argc - first - failed) << " of " << (argc - first) << " files pass\n";
  return failed == 0 ? 0 : 1;
}
