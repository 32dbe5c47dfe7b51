# lectern_embed(INPUT FUNCTION OUTPUT): builds INPUT into the program as `std::string_view FUNCTION()`,
# generated into OUTPUT (a .cpp file to add to a target) and regenerated whenever INPUT changes.
function(lectern_embed input function output)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${output} -DFUNCTION=${function}
            -P ${PROJECT_SOURCE_DIR}/tools/cmake/embed_file.cmake
    DEPENDS ${input} ${PROJECT_SOURCE_DIR}/tools/cmake/embed_file.cmake
    COMMENT "Building ${input} into the program")
endfunction()
