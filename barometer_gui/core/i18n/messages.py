"""Operating-system errors explained to the user, in the current language."""

from __future__ import annotations

import errno

from barometer_gui.core.i18n import t


def explain_os_error(exc: OSError) -> str:
    """One sentence saying what went wrong with which file, and what to try."""
    name = exc.filename or ""
    reasons = {
        errno.ENOENT: t("Fant ikke fila eller mappa «{name}»."),
        errno.EACCES: t(
            "Ingen tilgang til «{name}». Er fila åpen i et annet program, eller mangler du rettigheter?"
        ),
        errno.EPERM: t(
            "Ingen tilgang til «{name}». Er fila åpen i et annet program, eller mangler du rettigheter?"
        ),
        errno.ENOSPC: t("Disken er full; kunne ikke skrive «{name}»."),
        errno.EROFS: t("«{name}» ligger på en disk som bare kan leses."),
        errno.EISDIR: t("«{name}» er en mappe, ikke en fil."),
        errno.ENOTDIR: t("En del av stien «{name}» er ikke en mappe."),
        errno.ENAMETOOLONG: t("Filnavnet «{name}» er for langt."),
        errno.EEXIST: t("«{name}» finnes allerede."),
    }
    template = reasons.get(exc.errno)
    if template is None:
        return t(
            "Operativsystemet meldte en feil for «{name}»: {reason}.",
            name=name,
            reason=exc.strerror or type(exc).__name__,
        )
    return template.format(name=name)
