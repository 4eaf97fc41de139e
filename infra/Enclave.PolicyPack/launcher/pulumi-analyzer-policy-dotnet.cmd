@echo off
rem Windows form of pulumi-analyzer-policy-dotnet (see that file): Pulumi CLIs older than 3.170 run it, from PATH,
rem as `pulumi-analyzer-policy-dotnet ENGINE_ADDRESS .` in the policy pack's directory.
setlocal
set "configuration=%ENCLAVE_POLICY_PACK_CONFIGURATION%"
if "%configuration%"=="" set "configuration=Release"
for %%f in ("%CD%\*.csproj") do set "project=%%~ff" & set "name=%%~nf"
if "%project%"=="" (echo pulumi-analyzer-policy-dotnet: no .csproj in %CD% 1>&2 & exit /b 2)
if not "%ENCLAVE_POLICY_PACK_BUILD%"=="0" (dotnet build "%project%" -c %configuration% -nologo -v q 1>&2 || exit /b 1)
dotnet "%CD%\bin\%configuration%\net10.0\%name%.dll" %*
