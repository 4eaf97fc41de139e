// Placeholder entry point until the enclave program lands (issue 3).
return 0;
