/*
 * Draftail "Glossary term" entity for the Wagtail admin.
 * The toolbar button opens the glossary term chooser; the chosen term's id is stored on the selected
 * text (or the term's name is inserted when nothing is selected). Saved as <a linktype="glossary" id="…">.
 */
(() => {
  const React = window.React;
  const { Modifier, EditorState, RichUtils } = window.DraftJS;
  const { ModalWorkflowSource, TooltipEntity, registerPlugin } = window.draftail;

  class GlossaryTermSource extends ModalWorkflowSource {
    getChooserConfig() {
      return {
        url: this.props.entityType.chooserUrls.glossaryTermChooser,
        urlParams: {},
        onload: window.CHOOSER_MODAL_ONLOAD_HANDLERS,
        responses: { chosen: this.onChosen },
      };
    }

    filterEntityData(data) {
      return { id: data.id, string: data.string };
    }

    onChosen(data) {
      const { editorState, entityType, onComplete } = this.props;
      const content = editorState.getCurrentContent();
      const selection = editorState.getSelection();
      const withEntity = content.createEntity(entityType.type, 'MUTABLE', this.filterEntityData(data));
      const entityKey = withEntity.getLastCreatedEntityKey();
      let nextState;
      if (selection.isCollapsed()) {
        const inserted = Modifier.insertText(withEntity, selection, data.string, null, entityKey);
        nextState = EditorState.push(editorState, inserted, 'insert-characters');
      } else {
        nextState = RichUtils.toggleLink(editorState, selection, entityKey);
      }
      this.workflow.close();
      onComplete(nextState);
    }
  }

  const GlossaryTermDecorator = (props) => {
    const { entityKey, contentState } = props;
    const data = contentState.getEntity(entityKey).getData();
    return React.createElement(TooltipEntity, { ...props, icon: '#icon-help', label: data.string || '' });
  };

  registerPlugin(
    { type: 'GLOSSARY', source: GlossaryTermSource, decorator: GlossaryTermDecorator },
    'entityTypes',
  );
})();
