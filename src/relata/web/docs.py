"""Interactive API documentation that works offline: a page drawn from the app's OpenAPI schema
by our own template (FastAPI's Swagger UI and ReDoc pages load their assets from a CDN)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)


def operations(spec: dict) -> list[dict]:
    """Each operation of ``spec`` with its parameters, in path order, ready for the template."""
    found = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            parameters = [
                {
                    "name": p["name"], "in": p["in"], "required": p.get("required", False),
                    "description": p.get("description", ""),
                    "type": _type(p.get("schema", {})),
                    "default": "" if p.get("schema", {}).get("default") is None else p["schema"]["default"],
                }
                for p in op.get("parameters", [])
            ]
            found.append({
                "id": op.get("operationId", f"{method}-{path}"), "method": method.upper(), "path": path,
                "summary": op.get("summary", ""), "description": op.get("description", ""),
                "parameters": parameters,
                "try": method == "get" and all(p["in"] == "query" for p in parameters),
            })
    return found


def _type(schema: dict) -> str:
    if "anyOf" in schema:
        return " or ".join(_type(s) for s in schema["anyOf"])
    return schema.get("type", "")


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    spec = request.app.openapi()
    return request.app.state.renderer.render(
        "api.html", title="API", spec=spec, operations=operations(spec), openapi_url=request.app.openapi_url)
