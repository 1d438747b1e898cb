"""Terminal rendering of findings: the text with each finding's span highlighted (ANSI)."""

from __future__ import annotations

ACTION_COLORS = {"withhold": "\x1b[1;37;41m", "review": "\x1b[1;30;43m", "redact": "\x1b[1;37;44m"}
RESET = "\x1b[0m"


def render_terminal(text: str, findings, color: bool = True, *, first_number: int = 1) -> str:
    """``text`` with the spans of ``findings`` (of this text's field) marked.

    With ``color`` the spans are ANSI-highlighted by action (withhold red, review yellow, redact
    blue) and followed by ``[n]`` (``first_number`` + index into ``findings``); without it
    they are written ``【…】[n]`` so the output stays readable in a pipe or a log.
    """
    marks = sorted(((f.start, f.end, i + first_number, f.action) for i, f in enumerate(findings)), key=lambda m: (m[0], -m[1]))
    out, pos = [], 0
    for start, end, number, action in marks:
        if start < pos:
            continue  # nested/overlapping spans: the outer one is already marked
        out.append(text[pos:start])
        span = text[start:end]
        if color:
            out.append(f"{ACTION_COLORS.get(action, '')}{span}{RESET}\x1b[2m[{number}]{RESET}")
        else:
            out.append(f"【{span}】[{number}]")
        pos = end
    out.append(text[pos:])
    return "".join(out)
