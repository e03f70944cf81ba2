/**
 * Python's text forms for printing: {@link org.gradviz.app.script.format.PythonFormat#floatRepr(double)} and
 * {@link org.gradviz.app.script.format.PythonFormat#format(Object, String)}, checked against fixtures written by
 * real Python ({@code src/test/resources/fixtures/make_pyformat_fixtures.py}).
 */
package org.gradviz.app.script.format;
