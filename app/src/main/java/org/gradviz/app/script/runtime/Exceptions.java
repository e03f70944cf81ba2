package org.gradviz.app.script.runtime;

/** Whether an {@code except} clause catches an error. */
final class Exceptions {

    private Exceptions() {
    }

    /** {@code except handlerType}: a class or a tuple of classes, each a subclass of BaseException. */
    static boolean matches(PyError error, Object handlerType) {
        if (handlerType instanceof PyTuple tuple) {
            for (Object t : tuple.items()) {
                if (matches(error, t)) {
                    return true;
                }
            }
            return false;
        }
        if (!(handlerType instanceof PyClass cls) || !cls.isSubclassOf(ExceptionTypes.BASE_EXCEPTION)) {
            throw PyError.type("catching classes that do not inherit from BaseException is not allowed");
        }
        return error.exception().cls().isSubclassOf(cls);
    }
}
