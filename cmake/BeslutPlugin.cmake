# beslut_add_plugin(NAME SOURCES... [LIBS ...])
# Builds a run-time loadable plugin (a Poco ClassLoader library) into
# ${BESLUT_PLUGIN_OUTPUT_DIR} as lib<NAME>.so. Every plugin links only against
# beslut_core (and the libraries it names), never against another plugin.
function(beslut_add_plugin name)
  cmake_parse_arguments(P "" "" "SOURCES;LIBS" ${ARGN})
  add_library(${name} MODULE ${P_SOURCES})
  target_link_libraries(${name} PRIVATE beslut_core ${P_LIBS})
  set_target_properties(${name} PROPERTIES
    PREFIX "lib"
    LIBRARY_OUTPUT_DIRECTORY ${BESLUT_PLUGIN_OUTPUT_DIR}
    BUILD_RPATH "$ORIGIN/../.."
    INSTALL_RPATH "$ORIGIN/../..")
  # A static "logic" library of the same sources lets tests call the plugin
  # classes directly, besides loading the module at run time.
  add_library(${name}_logic STATIC ${P_SOURCES})
  target_compile_definitions(${name}_logic PRIVATE BESLUT_NO_MANIFEST)
  set_target_properties(${name}_logic PROPERTIES POSITION_INDEPENDENT_CODE ON)
  target_link_libraries(${name}_logic PUBLIC beslut_core ${P_LIBS})
  target_include_directories(${name}_logic PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
  set_property(GLOBAL APPEND PROPERTY BESLUT_PLUGINS ${name})
endfunction()
