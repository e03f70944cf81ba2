package org.gradviz.app.files;

/** The answer to "Save changes to NAME?". */
public enum SaveChoice { SAVE, DONT_SAVE, CANCEL }
