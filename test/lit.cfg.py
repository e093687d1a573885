# -*- Python -*-
import os
import shutil

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "ACCEL"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test", ".m"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.accel_obj_root, "test")
# CTest runs every file in its own execution root (see CMakeLists.txt).
if lit_config.params.get("accel_exec_subdir"):
    config.test_exec_root = os.path.join(
        config.test_exec_root, "runs", lit_config.params["accel_exec_subdir"])

config.substitutions.append(("%PATH%", config.environment["PATH"]))
# The reference data beside the checkout (MAESTRO files, real models).
config.substitutions.append(("%shared", config.accel_shared_dir))
config.substitutions.append(("%accel_src", config.accel_src_root))
config.substitutions.append(("%accel_obj", config.accel_obj_root))
config.substitutions.append(("%mlir_lib_dir", config.mlir_lib_dir))

llvm_config.with_system_environment(["HOME", "INCLUDE", "LIB", "TMP", "TEMP"])

# Sanitized builds (-DACCEL_SANITIZE=...): one set of runtime options, shared
# with CTest's unit tests through cmake/SanitizerOptions.txt.
if config.accel_sanitize:
    with open(os.path.join(config.accel_src_root, "cmake",
                           "SanitizerOptions.txt")) as options:
        for line in options:
            line = line.strip()
            if line and not line.startswith("#"):
                name, value = line.split("=", 1)
                config.environment[name] = value
    config.available_features.add("sanitized")
llvm_config.use_default_substitutions()

tool_dirs = [config.accel_tools_dir, config.llvm_tools_dir]
tools = [
    ToolSubst("accel-maestro", unresolved="fatal"),
    ToolSubst("accel-opt", unresolved="fatal"),
    ToolSubst("accel-translate", unresolved="fatal"),
]
llvm_config.add_tool_substitutions(tools, tool_dirs)
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
llvm_config.with_environment("PATH", config.accel_tools_dir, append_path=True)

# Running lowered IR with mlir-runner (the independent reference of the
# MAERI executor's output).
config.substitutions.append(
    ("%mlir_runner_libs",
     ",".join(os.path.join(config.mlir_lib_dir, lib)
              for lib in ("libmlir_runner_utils.so",
                          "libmlir_c_runner_utils.so"))))

# Headless chromium opens the HTML reports (scripts/setup.sh installs it);
# the tests that need it are skipped when it is missing. Each test passes
# its own fresh --user-data-dir.
chromium = shutil.which("chromium") or shutil.which("chromium-browser")
if chromium:
    config.available_features.add("chromium")
    config.substitutions.append(
        ("%chromium", " ".join([
            chromium, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--hide-scrollbars"])))
