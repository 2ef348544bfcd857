"""Jiedao Streamlit app (placeholder until the app issue): lists the ingested reports."""

from __future__ import annotations

import streamlit as st

from rag.config import Settings
from rag.corpus import Corpus


@st.cache_resource
def get_corpus() -> Corpus:
    """One corpus per server process."""
    return Corpus(Settings())


st.set_page_config(page_title="Jiedao 街道报告", layout="wide")
st.title("Jiedao · 街道工作报告")
corpus = get_corpus()
rows = [{"street": m.street, "district": m.district, "period": m.period_covered, "plan": m.plan_period,
         "title": m.title, "path": m.path} for m in corpus.reports()]
st.dataframe(rows, use_container_width=True)
