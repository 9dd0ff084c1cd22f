from django.urls import path

from . import saved_views, views

app_name = "search"

urlpatterns = [
    path("", views.search_view, name="search"),
    path("autocomplete/", views.autocomplete_view, name="autocomplete"),
    path("saved/", saved_views.save, name="save"),
    path("saved/<int:pk>/", saved_views.change, name="saved_change"),
    path("saved/unsubscribe/<str:token>/", saved_views.unsubscribe, name="saved_unsubscribe"),
]
