# accel_hot_loop_codegen(target): how GCC on x86-64 fills and copies the
# fixed-size tables a mapper's evaluation builds (a few hundred bytes each,
# a score of them per evaluation). Its generic tuning uses `rep stos` and
# `rep movs` there, whose start-up cost was 6-9 % of the search loop's time
# on the machine measured (docs/CostModel.md, "Speed"); vector loops up to
# 1 KB and a library call beyond keep them off the string instructions.
# Code generation only: SSE2 is part of x86-64, no other instruction set is
# assumed. Other compilers and targets keep their defaults.
function(accel_hot_loop_codegen target)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND
     CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64)$")
    target_compile_options(${target} PRIVATE
      -mmemset-strategy=vector_loop:1024:noalign,libcall:-1:noalign
      -mmemcpy-strategy=vector_loop:1024:noalign,libcall:-1:noalign)
  endif()
endfunction()
