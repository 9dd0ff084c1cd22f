"""Sign in, sign out and password reset on the site itself (no self sign-up)."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import account_email, twofactor, views
from .forms import HubPasswordResetForm, SignInForm

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="registration/login.html",
            authentication_form=SignInForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(
            form_class=HubPasswordResetForm,
            template_name="registration/password_reset_form.html",
            email_template_name="registration/password_reset_email.txt",
            subject_template_name="registration/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="registration/password_reset_done.html"
        ),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="registration/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="registration/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("email/", account_email.change, name="email_change"),
    path("email/confirm/<str:token>/", account_email.confirm, name="email_change_confirm"),
    path("two-factor/", twofactor.verify, name="two_factor_verify"),
    path("two-factor/setup/", twofactor.setup, name="two_factor_setup"),
    path("two-factor/setup/<str:token>/", twofactor.setup_link, name="two_factor_setup_link"),
    path("directory-profile/", views.directory_profile, name="directory_profile"),
    path("following/", views.following, name="following"),
    path("following/tracker/<int:pk>/stop/", views.stop_following, name="stop_following"),
    path("", views.profile, name="profile"),
]
