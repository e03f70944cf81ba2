@echo off
rem gradviz for Windows: starts gradviz.jar (in this script's folder) with the JVM options of the bash launcher
rem (app/src/main/launcher/gradviz, whose comments explain them). The build writes this file to
rem app\target\gradviz.cmd from app\src\main\launcher\gradviz.cmd; edit that one. Unlike the bash launcher it
rem neither keeps a class-data archive nor removes the JVM's "WARNING: Using incubator modules" line from stderr.
rem Environment: JAVA_HOME (else java on the PATH); GRADVIZ_JAVA_OPTIONS, more JVM options.
setlocal
if defined JAVA_HOME (set "GRADVIZ_JAVA=%JAVA_HOME%\bin\java.exe") else (set "GRADVIZ_JAVA=java")
"%GRADVIZ_JAVA%" @gradviz.jvm.options@ %GRADVIZ_JAVA_OPTIONS% -jar "%~dp0gradviz.jar" %*
exit /b %ERRORLEVEL%
