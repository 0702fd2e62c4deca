"""Web pages of the lijst ingekomen stukken: meetings, one list per meeting at a stable URL, downloads, adoption."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, request, url_for
from sqlalchemy.orm import Session

from pipeline.errors import GriffieError, NotFound
from pipeline.lists.build import build_list, list_items, ordered
from pipeline.lists.cutoff import describe
from pipeline.lists.meetings import (
    add_meeting,
    all_meetings,
    find_meeting,
    meeting_label,
    move_item,
    parse_date,
)
from pipeline.lists.profiles import active_profile, council_name
from pipeline.lists.render import CONTENT_TYPES, FORMATS
from pipeline.lists.render_html import install_filters
from pipeline.lists.release import is_released, number_list, unreviewed
from pipeline.lists.service import adopt, generate, publish
from pipeline.privacy.guard import PublicationRefused
from pipeline.registry.models import Item, Meeting
from pipeline.rules.profile import Profile
from pipeline.web.auth import DOCUMENT_CSP, current_user, require

lists_bp = Blueprint("lists", __name__)


@lists_bp.record_once
def _filters(state) -> None:
    install_filters(state.app.jinja_env)


def _app():
    return current_app.extensions["griffiepost"]


def _context():
    app = _app()
    profile = active_profile(app.settings)
    return app, profile, council_name(app.settings, profile)


def _meeting(s, meeting_id: int):
    try:
        return find_meeting(s, meeting_id)
    except NotFound:
        abort(404)


def _actor() -> str:
    user = current_user()
    return user.name if user is not None else "griffier"


@lists_bp.get("/lijsten")
@require("read")
def meetings_overview():
    app, profile, council = _context()
    with app.sessions() as s:
        rows = [(m, len([i for i in m.items if i.on_list])) for m in all_meetings(s)]
    return render_template("lists/meetings.html", meetings=rows, council=council, cutoff=describe(profile.cutoff),
                           label=meeting_label)


@lists_bp.post("/lijsten")
@require("review")
def meetings_add():
    app, profile, _ = _context()
    try:
        with app.sessions.begin() as s:
            m = add_meeting(s, profile, parse_date(request.form.get("date", "")),
                            request.form.get("body", "raad") or "raad", request.form.get("title") or None,
                            actor=_actor())
            flash(f"Vergadering toegevoegd: {meeting_label(m)}.", "ok")
            return redirect(url_for("lists.meeting_page", meeting_id=m.id))
    except GriffieError as e:
        flash(str(e), "error")
        return redirect(url_for("lists.meetings_overview"))


@lists_bp.get("/lijsten/<int:meeting_id>")
@require("read")
def meeting_page(meeting_id: int):
    app, profile, council = _context()
    with app.sessions() as s:  # looking changes nothing: numbers are given when the list is made or adopted
        m = _meeting(s, meeting_id)
        built = build_list(s, m, profile, council, "internal", request.script_root)
        others = [(o.id, meeting_label(o)) for o in all_meetings(s) if o.status == "open" and o.id != m.id]
        waiting = len(unreviewed(built.items)) if m.status == "open" else 0
        released = is_released(m)
    handlings = sorted({(v[0], v[1]) for k, v in profile.handling.items() if k != "niet_op_lijst"})
    return render_template("lists/meeting.html", doc=built.doc, formats=FORMATS, others=others,
                           handlings=handlings, unreviewed=waiting, released=released)


def _preview_allowed() -> bool:
    user = current_user()
    return user is not None and user.can("review")


def _download(meeting_id: int, fmt: str, public: bool) -> Response:
    """A download never changes the registry: the list as it stands, in provisional order until it is made."""
    if fmt not in FORMATS:
        abort(404)
    app, profile, council = _context()
    try:
        with app.sessions() as s:
            m = _meeting(s, meeting_id)
            if public and not (is_released(m) or _preview_allowed()):
                abort(404)  # not released: for visitors it does not exist
            out = generate(s, m, profile, council, fmt, public, request.script_root)
    except PublicationRefused as e:
        return Response(str(e), status=409, mimetype="text/plain")
    disposition = "inline" if fmt in ("html", "pdf") else "attachment"
    return Response(out.content, mimetype=CONTENT_TYPES[fmt].split(";")[0],
                    headers={"Content-Disposition": f'{disposition}; filename="{out.file_name}"',
                             # the standalone list carries its own <style> and never a script
                             "Content-Security-Policy": DOCUMENT_CSP},
                    content_type=CONTENT_TYPES[fmt])


# The list as a file: endpoint -> (URL rule, the format when the URL names none, public version).
# auth.PUBLIC_ENDPOINTS names the public ones; the templates link to them by endpoint.
DOWNLOADS: dict[str, tuple[str, str | None, bool]] = {
    "download": ("/lijsten/<int:meeting_id>.<fmt>", None, False),
    "public_page": ("/lijsten/<int:meeting_id>/openbaar", "html", True),
    "public_download": ("/lijsten/<int:meeting_id>/openbaar.<fmt>", None, True),
}


def _download_view(endpoint: str, fixed_fmt: str | None, public: bool) -> Callable:
    def view(meeting_id: int, fmt: str | None = None) -> Response:
        return _download(meeting_id, fmt if fixed_fmt is None else fixed_fmt, public)

    view.__name__ = endpoint
    return require("read")(view)


for _endpoint, (_rule, _fmt, _public) in DOWNLOADS.items():
    lists_bp.add_url_rule(_rule, _endpoint, _download_view(_endpoint, _fmt, _public), methods=["GET"])


@lists_bp.post("/lijsten/<int:meeting_id>/verplaatsen")
@require("review")
def move(meeting_id: int):
    app = _app()
    try:
        with app.sessions.begin() as s:
            item = s.get(Item, int(request.form.get("item_id", "0") or 0))
            if item is None:
                raise GriffieError("Kies een stuk om te verplaatsen.")
            target = find_meeting(s, request.form.get("target", ""))
            move_item(s, item, target, actor=_actor())
            flash(f"Stuk {item.registration_number} staat nu op de lijst van {meeting_label(target)}.", "ok")
    except GriffieError as e:
        flash(str(e), "error")
    return redirect(url_for("lists.meeting_page", meeting_id=meeting_id))


def _act_on_list(meeting_id: int, act: Callable[[Session, Meeting, Profile], str | None]) -> Response:
    """A POST that changes the list of a meeting, in one transaction: what `act` says (Dutch) is shown, a refusal
    (GriffieError) too; back to the list's page either way."""
    app, profile, _ = _context()
    try:
        with app.sessions.begin() as s:
            said = act(s, _meeting(s, meeting_id), profile)
            if said:
                flash(said, "ok")
    except GriffieError as e:
        flash(str(e), "error")
    return redirect(url_for("lists.meeting_page", meeting_id=meeting_id))


def _accepts_unreviewed() -> bool:
    return request.form.get("accept_unreviewed") == "1"


@lists_bp.post("/lijsten/<int:meeting_id>/opmaken")
@require("review")
def make_list(meeting_id: int):
    """Make the list: its items get their permanent numbers (an audited act of an assistant or the griffier)."""
    def act(s: Session, m: Meeting, profile: Profile) -> str | None:
        if m.status != "open":
            return None
        assigned = number_list(s, m, profile, ordered(list_items(s, m), profile), _actor())
        return f"De lijst is opgemaakt: {assigned} stuk(ken) kregen een nummer."
    return _act_on_list(meeting_id, act)


@lists_bp.post("/lijsten/<int:meeting_id>/openbaar-maken")
@require("adopt")
def publish_list(meeting_id: int):
    """Release the open list to the public as it stands now (the griffier; unreviewed items need a tick)."""
    def act(s: Session, m: Meeting, profile: Profile) -> str:
        items = publish(s, m, profile, _actor(), accept_unreviewed=_accepts_unreviewed())
        return f"De lijst is openbaar gemaakt: {len(items)} stukken."
    return _act_on_list(meeting_id, act)


@lists_bp.post("/lijsten/<int:meeting_id>/vaststellen")
@require("adopt")
def adopt_list(meeting_id: int):
    """Adopt the list (vaststellen) with the items pulled for discussion and the handlings changed."""
    pulled = request.form.getlist("pull")
    changes = {key[len("handling-"):]: value for key, value in request.form.items()
               if key.startswith("handling-") and value}

    def act(s: Session, m: Meeting, profile: Profile) -> str:
        snap = adopt(s, m, profile, _actor(), pulled, changes, request.script_root,
                     accept_unreviewed=_accepts_unreviewed())
        return f"De lijst is vastgesteld: {len(snap.rows)} stukken, {len(snap.decisions)} besluit(en)."
    return _act_on_list(meeting_id, act)
