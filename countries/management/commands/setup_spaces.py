"""Create (or bring back into line) the eight country spaces and their rights.

Idempotent: a second run changes nothing; a run after someone tampered with a space's
groups or grants restores the agreed state (DESIGN §5).

The spaces go under the default site's root page, whatever its type: the site's own
``setup_spaces`` (home/management/commands/setup_spaces.py, which ``manage.py`` runs) makes
that root the hub's home page first.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError, no_translations
from django.db import transaction
from guardian.shortcuts import assign_perm, get_groups_with_perms, remove_perm
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from core.links import site_host_and_port
from countries import permissions
from countries.choices import Role
from countries.models import Country, CountryIndexPage, CountryPage, SpaceGroup
from countries.spaces import SPACES

#: Document and image rights per role on the country's collection (and its children).
COLLECTION_PERMISSIONS = {
    Role.EDITORS: ("add", "change", "choose"),
    Role.COORDINATORS: ("add", "change", "delete", "choose"),
    Role.MINISTRY: (),
}
#: Rights that let a group manage people; no group but superusers may hold them.
USER_MANAGEMENT_CODENAMES = (
    "add_user",
    "change_user",
    "delete_user",
    "view_user",
    "add_group",
    "change_group",
    "delete_group",
    "view_group",
    "add_permission",
    "change_permission",
    "delete_permission",
)
ADMIN_ROLES = (Role.COORDINATORS, Role.EDITORS)
#: Promoted results on the search page ("Recommended"), shown only to those who may view
#: the promoted page: Wagtail's, edited by the secretariat. The hub's own snippets and
#: settings the secretariat edits say so themselves (``edited_by_secretariat``).
SECRETARIAT_WAGTAIL_MODELS = (("wagtailsearchpromotions", "searchpromotion"),)


def secretariat_models():
    """(app label, model name) of every snippet and setting the secretariat edits."""
    marked = [
        (model._meta.app_label, model._meta.model_name)
        for model in apps.get_models()
        if getattr(model, "edited_by_secretariat", False)
    ]
    return [*marked, *SECRETARIAT_WAGTAIL_MODELS]


class Command(BaseCommand):
    help = "Create or repair the country spaces: groups, page rights, collections, workflows."

    @transaction.atomic
    # Names of groups, workflows and collections are stored: always in the source
    # language, whatever language the caller has active.
    @no_translations
    def handle(self, *args, **options):
        self._ensure_roots()
        home = self._home_page()
        self._site_address()
        country_index = self._country_index(home)
        access_admin = Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
        network = self._collection("Network", Collection.get_first_root_node())
        for space in SPACES:
            self._space(space, country_index, network, access_admin)
        self._network_groups(home, network, access_admin)
        self._remove_wagtail_defaults()
        self._strip_user_management()
        self.stdout.write(self.style.SUCCESS(f"{len(SPACES)} country spaces are set up."))

    # -- page tree ---------------------------------------------------------------------
    def _ensure_roots(self) -> None:
        """Wagtail's migrations create these rows; a flushed or restored database may not
        have them."""
        Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        if Page.get_first_root_node() is None:
            Page.add_root(instance=Page(title="Root", slug="root", live=True))
        if Collection.get_first_root_node() is None:
            Collection.add_root(name="Root")

    def _home_page(self) -> Page:
        """The default site's root page: the page the network sections and the country
        index sit under."""
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError(
                "There is no default site: create one (Wagtail's migrations do) whose root "
                "page is the hub's home page."
            )
        return site.root_page

    def _site_address(self) -> None:
        """The default Site's host and port follow BASE_URL (core/links.py): Wagtail builds
        the sitemap's, the API's and the admin's absolute links from them."""
        site = Site.objects.get(is_default_site=True)
        hostname, port = site_host_and_port()
        if (site.hostname, site.port) == (hostname, port):
            return
        if Site.objects.filter(hostname=hostname, port=port).exclude(pk=site.pk).exists():
            self.stderr.write(
                f"Another site has {hostname}:{port}; the default site keeps "
                f"{site.hostname}:{site.port} (BASE_URL is {settings.BASE_URL})."
            )
            return
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])

    def _country_index(self, home: Page) -> CountryIndexPage:
        index = CountryIndexPage.objects.child_of(home).first()
        if index is None:
            index = home.add_child(
                instance=CountryIndexPage(
                    title="Countries",
                    slug="countries",
                    show_in_menus=True,
                    intro="<p>Each Nordic country has its own space, run by its national "
                    "anti-trafficking coordinator.</p>",
                )
            )
        return index

    def _space(self, space, country_index, network, access_admin) -> None:
        country, _ = Country.objects.update_or_create(
            code=space.code,
            defaults={
                "name": space.name,
                "name_native": space.name_native,
                "native_language": space.language,
                "language": space.language,
                "sort_order": [s.code for s in SPACES].index(space.code),
            },
        )
        page = CountryPage.objects.filter(country=country).first()
        if page is None:
            page = country_index.add_child(
                instance=CountryPage(title=space.name, slug=space.slug, country=country)
            )

        groups = {}
        for role in Role:
            link = SpaceGroup.objects.filter(country=country, role=role).select_related("group")
            link = link.first()
            name = permissions.group_name(country, role)
            if link is None:
                group, _ = Group.objects.get_or_create(name=name)
                SpaceGroup.objects.create(country=country, role=role, group=group)
            else:
                group = link.group
                if group.name != name:
                    group.name = name
                    group.save()
            groups[role] = group
            group.permissions.set([access_admin] if role in ADMIN_ROLES else [])
            self._page_permissions(group, page, permissions.ROLE_PAGE_PERMISSIONS[role])

        collection = self._collection(space.name, Collection.get_first_root_node())
        members_only = self._collection(f"{space.name} · members only", collection)
        team_only = self._collection(f"{space.name} · country team only", collection)
        self._collection_restriction(members_only, BaseViewRestriction.LOGIN, [])
        self._collection_restriction(team_only, BaseViewRestriction.GROUPS, groups.values())
        for role, actions in COLLECTION_PERMISSIONS.items():
            self._collection_permissions(groups[role], collection, actions)

        self._workflow(space.name, page, groups[Role.COORDINATORS])

        # The tracker's per-object right (DESIGN §5): only the coordinators of the country.
        perm = "countries.manage_implementation"
        for group in get_groups_with_perms(country, attach_perms=True):
            if group != groups[Role.COORDINATORS]:
                remove_perm(perm, group, country)
        assign_perm(perm, groups[Role.COORDINATORS], country)

    def _network_groups(self, home, network, access_admin) -> None:
        secretariat, _ = Group.objects.get_or_create(name=permissions.SECRETARIAT_GROUP)
        experts, _ = Group.objects.get_or_create(name=permissions.EXPERTS_GROUP)
        snippet_perms = Permission.objects.none()
        for app_label, model in secretariat_models():
            snippet_perms |= Permission.objects.filter(
                content_type__app_label=app_label,
                content_type__model=model,
                codename__regex=r"^(add|change|delete|view)_",
            )
        secretariat.permissions.set([access_admin, *snippet_perms])
        experts.permissions.set([])
        sections = list(permissions.network_sections(home))
        for section in sections:
            self._page_permissions(secretariat, section, permissions.SECRETARIAT_PAGE_PERMISSIONS)
        GroupPagePermission.objects.filter(group=secretariat).exclude(page__in=sections).delete()
        members_only = self._collection("Network · members only", network)
        self._collection_restriction(members_only, BaseViewRestriction.LOGIN, [])
        self._collection_permissions(
            secretariat, network, COLLECTION_PERMISSIONS[Role.COORDINATORS]
        )
        GroupPagePermission.objects.filter(group=experts).delete()

    # -- helpers -----------------------------------------------------------------------
    def _page_permissions(self, group, page, codenames) -> None:
        permissions.set_page_permissions(group, page, codenames)
        # A space group holds rights on its own space page only.
        if hasattr(group, "space"):
            GroupPagePermission.objects.filter(group=group).exclude(page=page).delete()

    def _collection(self, name, parent) -> Collection:
        existing = parent.get_children().filter(name=name).first()
        if existing is not None:
            return existing
        return parent.add_child(instance=Collection(name=name))

    def _collection_restriction(self, collection, restriction_type, groups) -> None:
        groups = set(groups)
        current = list(CollectionViewRestriction.objects.filter(collection=collection))
        if (
            len(current) == 1
            and current[0].restriction_type == restriction_type
            and set(current[0].groups.all()) == groups
        ):
            return
        CollectionViewRestriction.objects.filter(collection=collection).delete()
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=restriction_type
        )
        restriction.groups.set(groups)

    def _collection_permissions(self, group, collection, actions) -> None:
        wanted = set()
        for app_label, model in (("wagtaildocs", "document"), ("wagtailimages", "image")):
            wanted |= set(
                Permission.objects.filter(
                    content_type__app_label=app_label,
                    codename__in=[f"{action}_{model}" for action in actions],
                )
            )
        current = GroupCollectionPermission.objects.filter(group=group)
        current.exclude(collection=collection).delete()
        current.filter(collection=collection).exclude(permission__in=wanted).delete()
        have = {gcp.permission for gcp in current.filter(collection=collection)}
        for permission in wanted - have:
            GroupCollectionPermission.objects.create(
                group=group, collection=collection, permission=permission
            )

    def _workflow(self, name, page, approvers) -> None:
        workflow, _ = Workflow.objects.get_or_create(name=f"{name} moderation")
        if not workflow.active:
            workflow.active = True
            workflow.save()
        task = GroupApprovalTask.objects.filter(name=f"{name} coordinators approval").first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=f"{name} coordinators approval")
        task.groups.set([approvers])
        # WorkflowTask rows are created directly: they are plain orderables of the
        # workflow, and this keeps exactly one approval step.
        WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})

    def _remove_wagtail_defaults(self) -> None:
        Group.objects.filter(name__in=["Editors", "Moderators"]).delete()
        root = Page.get_first_root_node()
        root_links = WorkflowPage.objects.filter(page=root)
        default_workflows = list(Workflow.objects.filter(pk__in=root_links.values("workflow")))
        default_workflows += Workflow.objects.filter(name="Moderators approval", active=True)
        root_links.delete()
        for workflow in default_workflows:
            if workflow.active and not workflow.workflow_pages.exists():
                workflow.deactivate()
        orphans = GroupApprovalTask.objects.filter(groups__isnull=True)
        orphans.update(active=False)

    def _strip_user_management(self) -> None:
        forbidden = Permission.objects.filter(
            content_type__app_label="auth", codename__in=USER_MANAGEMENT_CODENAMES
        )
        for group in Group.objects.filter(permissions__in=forbidden).distinct():
            group.permissions.remove(*forbidden)
