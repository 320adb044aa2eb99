// Tests import internal modules as well as the public entry; the entry registers every table.
import '../src/index.js';
