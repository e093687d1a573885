# accel_link_llvm_static(): points every imported target of the current
# directory that links libLLVM.so ("LLVM") at LLVM's component archives
# instead. Debian's MLIR archives depend on the whole libLLVM.so, whose
# relocation dominates a short run (docs/Maestro.md, "Start-up"); and a
# program must not mix it with the archives our libraries were built
# against, or LLVM's registries (command-line options) exist twice. Used by
# this project's build (ACCEL_LINK_LLVM_STATIC) and by AccelMLIRConfig.cmake
# for consumers of an installed accel-mlir built that way.
macro(accel_link_llvm_static)
  set(LLVM_LINK_LLVM_DYLIB OFF)
  llvm_map_components_to_libnames(ACCEL_LLVM_COMPONENT_LIBS
    Support Demangle Remarks)
  get_directory_property(accel_imported_targets IMPORTED_TARGETS)
  foreach(accel_target IN LISTS accel_imported_targets)
    get_target_property(accel_link_libs ${accel_target} INTERFACE_LINK_LIBRARIES)
    if(accel_link_libs AND "LLVM" IN_LIST accel_link_libs)
      list(TRANSFORM accel_link_libs REPLACE "^LLVM$" "${ACCEL_LLVM_COMPONENT_LIBS}")
      set_target_properties(${accel_target} PROPERTIES
        INTERFACE_LINK_LIBRARIES "${accel_link_libs}")
    endif()
  endforeach()
endmacro()
