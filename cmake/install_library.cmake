# libdnnexplorer.so: the whole library core behind the public header, installed with a CMake
# package config so another project can find_package(dnnexplorer) and link
# dnnexplorer::dnnexplorer. The core's own headers stay private: the public header needs only
# the standard library.
include(CMakePackageConfigHelpers)
include(GNUInstallDirs)

add_library(dnnexplorer_shared SHARED ${PROJECT_SOURCE_DIR}/src/api/shared_library.cpp)
target_link_libraries(dnnexplorer_shared PRIVATE "$<LINK_LIBRARY:WHOLE_ARCHIVE,dnne_core>")
target_include_directories(dnnexplorer_shared INTERFACE
  $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include> $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
set_target_properties(dnnexplorer_shared PROPERTIES
  OUTPUT_NAME dnnexplorer EXPORT_NAME dnnexplorer
  VERSION ${PROJECT_VERSION} SOVERSION ${PROJECT_VERSION_MAJOR})

install(TARGETS dnnexplorer_shared EXPORT dnnexplorerTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/dnnexplorer
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT dnnexplorerTargets NAMESPACE dnnexplorer::
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/dnnexplorer)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/dnnexplorerConfig.cmake.in
  ${PROJECT_BINARY_DIR}/dnnexplorerConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/dnnexplorer)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/dnnexplorerConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/dnnexplorerConfig.cmake
  ${PROJECT_BINARY_DIR}/dnnexplorerConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/dnnexplorer)
