"""The sandbox's handlers, one module per resource, mirroring the SDK's
:mod:`kimono_interop.resources` tree (``actors``, ``clouds``, ``integrations``, ``tenants``,
``ingestions``, and ``tenant/`` with the tenant itself, ``application``, ``scoping``,
``rollovers`` and ``schedules``). :mod:`kimono_interop.sandbox.operations` routes to them.

A handler takes a :class:`~kimono_interop.sandbox.http.Call` and answers a response or raises an
:class:`~kimono_interop.sandbox.errors.ApiError`. Resources are stored without ``None`` members,
so handlers serve them as stored.
"""
