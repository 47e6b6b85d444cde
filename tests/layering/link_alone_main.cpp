// Linked against one library (whole archive) and what it declares; linking is the test.
int main() { return 0; }
