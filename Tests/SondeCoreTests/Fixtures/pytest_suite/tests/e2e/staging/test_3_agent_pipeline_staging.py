class TestAgentPipelineStaging:
    def test_pipeline_config(self):
        assert "pipeline" in "agent pipeline"

    def test_pipeline_steps(self):
        assert [1, 2, 3][-1] == 3

    def test_pipeline_defaults(self):
        assert {}.get("retries", 3) == 3

    def test_real_agent_lifecycle_monitoring(self):
        raise RuntimeError("'server rejected WebSocket connection: HTTP 500'")

    def test_real_agent_pipeline_execution(self):
        raise TimeoutError("agent 5f0c2a8e-9d1b-4c3e-8a7f-2b6d4e8c1a90 did not start within 30.5s")

    def test_real_pipeline_error_handling(self):
        raise TimeoutError("agent 0b7e3f1a-2c4d-4e5f-9a8b-7c6d5e4f3a21 did not start within 12.0s")
