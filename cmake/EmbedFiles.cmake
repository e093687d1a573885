# cmake -DOUTPUT=<file.inc> -DINPUTS=<a;b;...> -P EmbedFiles.cmake
# Writes one `{"<file name>", R"accel_embed(<contents>)accel_embed"},` line
# per input, for a C++ array initializer.
set(content "")
foreach(input ${INPUTS})
  file(READ "${input}" text)
  get_filename_component(name "${input}" NAME)
  string(APPEND content "{\"${name}\", R\"accel_embed(${text})accel_embed\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "${content}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUTPUT}.tmp" "${OUTPUT}")
