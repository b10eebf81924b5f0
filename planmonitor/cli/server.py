"""City server commands: ``server setup | add-user | users | remove-user``, ``audit``, and
``review submit | approve | return | status`` (the quarter's 报送与审核)."""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import date

from planmonitor.cli.common import print_json
from planmonitor.services.errors import UserError
from planmonitor.store.database import Database


def _password(args: argparse.Namespace) -> str | None:
    if args.password_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    if sys.stdin.isatty():
        first = getpass.getpass("新账户的密码（直接回车则不设密码）：")
        if not first:
            return None
        if getpass.getpass("再输入一次：") != first:
            raise UserError("两次输入的密码不一致；未创建账户")
        return first
    return None


def cmd_setup(args: argparse.Namespace, db: Database) -> int:
    from planmonitor.store.server_setup import setup_server

    report = setup_server(db)
    if not report.created:
        print(f"服务器已设置，无需修改（检查了{report.checked}项）")
        return 0
    print(f"已设置服务器（设置角色 {report.setup_role}）：新建{len(report.created)}项")
    for what in report.created:
        print(f"  {what}")
    return 0


def cmd_add_user(args: argparse.Namespace, db: Database) -> int:
    from planmonitor.services.accounts import ROLE_WORDS, AccountService

    password = _password(args)
    acc = AccountService(db).add(args.name, args.role, args.region or [], password)
    regions = f"，地区 {'、'.join(acc.regions)}" if acc.regions else ""
    pw = "已设密码" if password else "未设密码"
    print(f"已创建账户“{acc.name}”（{ROLE_WORDS[acc.role]} {acc.role}{regions}，{pw}）")
    return 0


def cmd_users(args: argparse.Namespace, db: Database) -> int:
    from planmonitor.services.accounts import ROLE_WORDS, AccountService

    users = AccountService(db).list()
    if args.json:
        print_json(
            [
                {"name": u.name, "role": u.role, "regions": list(u.regions), "login": u.can_login}
                for u in users
            ]
        )
        return 0
    if not users:
        print("（尚无账户；用 server add-user 添加）")
    for u in users:
        regions = "、".join(u.regions) if u.regions else "全部地区"
        print(f"  {u.name:<16} {ROLE_WORDS.get(u.role, u.role)}（{u.role}）  {regions}")
    return 0


def cmd_remove_user(args: argparse.Namespace, db: Database) -> int:
    from planmonitor.services.accounts import AccountService

    AccountService(db).remove(args.name)
    print(f"已删除账户“{args.name}”（其录入的数值和审计记录保留）")
    return 0


def _since(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"--since“{text}”应为日期，如2024-10-01") from None


def cmd_audit(args: argparse.Namespace, db: Database) -> int:
    from planmonitor.services.audit import OPERATIONS, AuditService

    entries = AuditService(db).entries(_since(args.since), args.user)
    if args.json:
        print_json(
            [
                {
                    "id": e.id,
                    "at": e.at.isoformat(timespec="seconds"),
                    "user": e.user,
                    "table": e.table,
                    "operation": e.operation,
                    "row_id": e.row_id,
                    "old": e.old,
                    "new": e.new,
                    "summary": e.summary,
                }
                for e in entries
            ]
        )
        return 0
    if not entries:
        print("（没有符合条件的审计记录）")
    for e in entries:
        what = e.summary or f"{e.table} #{e.row_id}"
        print(f"  {e.at:%Y-%m-%d %H:%M:%S} {e.user:<14} {OPERATIONS[e.operation]} {what}")
    return 0


def cmd_review(args: argparse.Namespace, db: Database) -> int:
    from planmonitor.domain.periods import Period
    from planmonitor.services.plans import PlanService
    from planmonitor.services.review import ReviewService

    plan_id = PlanService(db).resolve(args.plan)
    quarter = Period.parse(args.quarter)
    reviews = ReviewService(db)
    if args.review_command == "status":
        states = reviews.states(plan_id, quarter)
        if args.json:
            print_json(
                [
                    {
                        "region": st.region,
                        "name": st.region_name,
                        "quarter": st.quarter.key,
                        "state": st.state or "open",
                        "word": st.word,
                        "reason": st.reason,
                        "submitted_by": st.submitted_by or None,
                        "reviewed_by": st.reviewed_by or None,
                        "locked": st.locked,
                    }
                    for st in states
                ]
            )
            return 0
        print(f"{quarter.label_zh()}报送情况")
        for st in states:
            who = st.reviewed_by if st.state in ("approved", "returned") else st.submitted_by
            why = f"：{st.reason}" if st.reason else ""
            print(f"  {st.region_name:<10} {st.word}{why}{'  ' + who if who else ''}")
        return 0
    if args.review_command == "submit":
        st = reviews.submit(plan_id, args.region, quarter)
    elif args.review_command == "approve":
        st = reviews.approve(plan_id, args.region, quarter)
    else:
        st = reviews.send_back(plan_id, args.region, quarter, args.reason)
    extra = "（已锁定，县区不能再修改该季度数值）" if st.locked else ""
    print(f"{st.region_name} {st.quarter.label_zh()}：{st.word}{extra}")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``server`` (setup, add-user, users, remove-user), ``audit`` and ``review``."""
    server = sub.add_parser("server", help="城市服务器：设置数据库、管理账户")
    ssub = server.add_subparsers(dest="server_command", metavar="SUBCOMMAND", required=True)
    setup = ssub.add_parser(
        "setup", help="迁移数据库，建立角色、行级安全、审计与通知（可重复运行）"
    )
    setup.set_defaults(handler=cmd_setup, needs_db=True)
    add = ssub.add_parser("add-user", help="添加账户")
    add.add_argument("name", metavar="NAME", help="账户名（即数据库登录名）")
    add.add_argument(
        "--role", required=True, choices=["admin", "reviewer", "filler", "viewer"], help="角色"
    )
    add.add_argument(
        "--region", nargs="+", action="extend", metavar="CODE", help="填报账户负责的地区编码"
    )
    add.add_argument("--password-stdin", action="store_true", help="从标准输入读一行作为密码")
    add.set_defaults(handler=cmd_add_user, needs_db=True)
    users = ssub.add_parser("users", help="列出账户")
    users.add_argument("--json", action="store_true")
    users.set_defaults(handler=cmd_users, needs_db=True)
    remove = ssub.add_parser("remove-user", help="删除账户")
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(handler=cmd_remove_user, needs_db=True)

    audit = sub.add_parser("audit", help="服务器审计记录：谁在何时改了什么")
    audit.add_argument("--since", metavar="D", help="从该日起（YYYY-MM-DD）")
    audit.add_argument("--user", metavar="U", help="只看该数据库用户")
    audit.add_argument("--json", action="store_true")
    audit.set_defaults(handler=cmd_audit, needs_db=True)

    review = sub.add_parser("review", help="季度报送与审核：报送、审核通过、退回、报送情况")
    rsub = review.add_subparsers(dest="review_command", metavar="SUBCOMMAND", required=True)
    for name, help_text in (
        ("submit", "县区报送本季度（已报送）"),
        ("approve", "审核通过（该季度对县区锁定）"),
        ("return", "退回并写明原因"),
        ("status", "各地区的报送情况"),
    ):
        p = rsub.add_parser(name, help=help_text)
        p.add_argument("--quarter", required=True, metavar="2024Q3", help="季度")
        p.add_argument("--plan", metavar="ID")
        if name == "status":
            p.add_argument("--json", action="store_true")
        else:
            p.add_argument("--region", metavar="R", help="地区编码或名称（默认：规划本级）")
        if name == "return":
            p.add_argument("--reason", required=True, metavar="T", help="退回原因")
        p.set_defaults(handler=cmd_review, needs_db=True)
