# What `cmake --install` puts where (GNUInstallDirs), and the .deb CPack makes of it (tools/package.sh).
# An installed lectern finds its shared files as PREFIX/share/lectern beside PREFIX/bin
# (engine/app/shared_files.h), so the decks' paths to their pictures (../assets/) hold there too.
#   bin/lectern                        the program
#   share/lectern/slides/              the decks, the format guide, the schema, templates/ for `lectern new`
#   share/lectern/assets/              their pictures, the voter page, the default word filter and keys
#   lib/systemd/system/                lectern-kiosk.service (paths filled in for the prefix)
#   share/man/man1/lectern.1.gz        the man page, written by help2man from `lectern --help`
#   share/doc/lectern/                 README.md and docs/
include(GNUInstallDirs)
# Installing and packing take what is built; they never build it (cpack would otherwise build every test
# first). tools/package.sh builds before it packs.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

install(TARGETS lectern RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY slides/ DESTINATION ${CMAKE_INSTALL_DATADIR}/lectern/slides
        FILES_MATCHING PATTERN "*.toml" PATTERN "*.json" PATTERN "*.md")
install(DIRECTORY assets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/lectern/assets)
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)

# The unit names the installed program and the shipped corridor deck, under the prefix given when
# installing (cmake --install --prefix, or CPack's /usr), so it is written at install time. systemd looks
# in lib/systemd/system under /usr (the package) and /usr/local, not under GNUInstallDirs' multiarch libdir.
install(CODE "
  set(LECTERN_BINDIR \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\")
  set(LECTERN_DATADIR \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_DATADIR}/lectern\")
  configure_file(${PROJECT_SOURCE_DIR}/tools/kiosk/lectern-kiosk.service.in
                 ${PROJECT_BINARY_DIR}/lectern-kiosk.service @ONLY)")
install(FILES ${PROJECT_BINARY_DIR}/lectern-kiosk.service DESTINATION lib/systemd/system)

# The man page is written from the program's own --help and --version, so it cannot say anything else.
# The keys in it are the built-in ones: an empty XDG_CONFIG_HOME hides the builder's own input.conf.
find_program(HELP2MAN help2man)
if(HELP2MAN)
  set(man_page ${PROJECT_BINARY_DIR}/lectern.1.gz)
  add_custom_command(
    OUTPUT ${man_page}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/no-config
    COMMAND ${CMAKE_COMMAND} -E env XDG_CONFIG_HOME=${PROJECT_BINARY_DIR}/no-config
            ${HELP2MAN} --no-info --section=1 "--name=a kiosk-style classroom presentation engine"
            --output=${PROJECT_BINARY_DIR}/lectern.1 $<TARGET_FILE:lectern>
    COMMAND gzip -n -9 -f ${PROJECT_BINARY_DIR}/lectern.1
    DEPENDS lectern
    COMMENT "Writing the man page from lectern --help"
    VERBATIM)
  add_custom_target(lectern_man_page ALL DEPENDS ${man_page})
  install(FILES ${man_page} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(WARNING "help2man not found (tools/setup.sh installs it): no man page will be installed")
endif()

# The .deb: runtime libraries found by dpkg-shlibdeps from the program itself (never a -dev package),
# the fonts it draws with, and adduser for the kiosk user the postinst makes.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME lectern)
set(CPACK_PACKAGE_VENDOR "Lectern")
set(CPACK_PACKAGE_CONTACT "Lectern maintainers <lectern@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "kiosk-style presentation engine for classrooms, assemblies and corridors")
set(CPACK_PACKAGE_DESCRIPTION
    "Teachers write slide decks in plain text (TOML); Lectern checks them, shows them full screen, runs\n"
    "polls and quizzes answered from pupils' devices, and keeps a corridor display going all day.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core, adduser")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-core, fonts-noto-cjk, libegl1, libgles2")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${PROJECT_SOURCE_DIR}/tools/package/postinst)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
