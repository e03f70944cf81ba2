@echo off
rem gradviz for Windows: starts gradviz.jar (in this script's folder) with the JVM options of the bash launcher
rem (app/src/main/launcher/gradviz, whose comments explain them): the Vector API module always, the serial collector
rem with a small young generation for run and export (unless GRADVIZ_JAVA_OPTIONS names a collector), and the
rem window's JIT directives (gradviz-window-jit.json beside this script) for the window. The build writes this file to
rem app\target\gradviz.cmd from app\src\main\launcher\gradviz.cmd; edit that one. Unlike the bash launcher it
rem neither keeps a class-data archive nor removes the JVM's "WARNING: Using incubator modules" line (or, for the
rem window, "1 compiler directives added") from stderr.
rem Environment: JAVA_HOME (else java on the PATH); GRADVIZ_JAVA_OPTIONS, more JVM options.
setlocal
if defined JAVA_HOME (set "GRADVIZ_JAVA=%JAVA_HOME%\bin\java.exe") else (set "GRADVIZ_JAVA=java")
set "GRADVIZ_MODE_OPTIONS="
if /i "%~1"=="run" set "GRADVIZ_MODE_OPTIONS=@gradviz.run.jvm.options@"
if /i "%~1"=="export" set "GRADVIZ_MODE_OPTIONS=@gradviz.run.jvm.options@"
if defined GRADVIZ_JAVA_OPTIONS if not "%GRADVIZ_JAVA_OPTIONS:GC=%"=="%GRADVIZ_JAVA_OPTIONS%" set "GRADVIZ_MODE_OPTIONS="
set "GRADVIZ_WINDOW="
if "%~1"=="" set "GRADVIZ_WINDOW=1"
if /i "%~1"=="open" set "GRADVIZ_WINDOW=1"
if defined GRADVIZ_WINDOW if exist "%~dp0gradviz-window-jit.json" set "GRADVIZ_MODE_OPTIONS=-XX:+UnlockDiagnosticVMOptions -XX:+DisplayVMOutputToStderr "-XX:CompilerDirectivesFile=%~dp0gradviz-window-jit.json""
"%GRADVIZ_JAVA%" @gradviz.jvm.options@ %GRADVIZ_MODE_OPTIONS% %GRADVIZ_JAVA_OPTIONS% -jar "%~dp0gradviz.jar" %*
exit /b %ERRORLEVEL%
