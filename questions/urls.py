from django.urls import path

from . import views
from .unsubscribe import unsubscribe

app_name = "questions"

urlpatterns = [
    path("ask/<int:page_id>/", views.ask, name="ask"),
    path("<int:question_id>/", views.thread, name="thread"),
    path("<int:question_id>/answer/", views.answer, name="answer"),
    path("<int:question_id>/follow/", views.follow, name="follow"),
    path("unsubscribe/<str:token>/", unsubscribe, name="unsubscribe"),
]
